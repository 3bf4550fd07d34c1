"""`make bench`: the key pages and operations timed against the floor on the bench data
(seed_bench), each goal printed as met or not met; exits non-zero when one is not met
(docs/performance.md)."""

import json
import os
import subprocess
import sys
import tempfile

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings

from esit.demo.bench import measure
from esit.demo.bench.guard import has_bench_data
from esit.demo.bench.measure import KB, MB
from esit.volunteers.models import Volunteer


class Command(BaseCommand):
    help = "Time the key pages on the bench data against the floor and check each goal."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="timed requests each")
        parser.add_argument("--warmup", type=int, default=3, help="untimed requests first")
        parser.add_argument(
            "--budget",
            type=float,
            default=30,
            help="seconds of timed requests per operation, at least 3 of them",
        )
        parser.add_argument("--json", dest="json_path", help="also write the results to this file")
        parser.add_argument(
            "--only",
            metavar="SUBSTRING",
            help="measure only the operations whose name contains this (and the floor)",
        )
        parser.add_argument(
            "--compare",
            metavar="DATABASE_URL",
            help="a database seeded at another scale: its queries per request must be the same",
        )

    def handle(self, *args, repeat, warmup, budget, json_path, compare, only=None, **options):
        if not has_bench_data():
            raise CommandError(
                "No bench data in this database: run `manage.py seed_bench --scale 0.1` "
                "(or 1.0) on a new database first."
            )
        if settings.DEBUG:
            self.stderr.write("DEBUG is on: pages are slower than in production (DEBUG=false).")
        if connection.vendor != "postgresql":
            self.stderr.write("The goals are for PostgreSQL; this is " + connection.vendor + ".")
        results = self.measure(
            repeat=max(1, repeat), warmup=max(1, warmup), budget=budget, only=only
        )
        payload = {
            "vendor": connection.vendor,
            "volunteers": _volunteers(),
            "results": [r.as_json() for r in results],
        }
        if json_path:
            with open(json_path, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False, indent=1)
        self.print_table(results)
        flat = True
        if compare:
            flat = self.compare(results, compare, repeat=repeat, warmup=warmup, budget=budget)
        unmet = [r for r in results[1:] if not r.met]
        built_unmet = [r for r in unmet if r.built]
        not_built = [r for r in unmet if not r.built]
        self.stdout.write(
            f"\n{len(results) - 1 - len(unmet)} goals met, {len(built_unmet)} not met, "
            f"{len(not_built)} not built yet (not built counts as not met)."
        )
        if unmet or not flat:
            sys.exit(1)

    def measure(
        self, *, repeat: int, warmup: int, budget: float, only: str | None = None
    ) -> list[measure.Result]:
        with override_settings(
            ROOT_URLCONF="esit.demo.bench.urls",
            # Every submission comes from the one address of the test client.
            APPLY_RATE_LIMIT="1000000/h",
        ):
            fixtures = measure.Fixtures()
            runner = measure.Runner(fixtures, repeat=repeat, warmup=warmup, budget=budget)
            floor = runner.time(measure.floor_operation(fixtures))
            results = [floor]
            for op in measure.operations(fixtures):
                if only and only.casefold() not in op.name.casefold():
                    continue
                self.stderr.write(f"  {op.name}…")
                result = runner.time(op)
                measure.judge(result, floor.median_ms)
                measure.judge_size(result, op)
                results.append(result)
            # The floor again at the end: a machine that slowed down meanwhile shows here.
            late = runner.time(measure.floor_operation(fixtures))
            floor.median_ms = (floor.median_ms + late.median_ms) / 2
            floor.ratio = 1.0
        return results

    def print_table(self, results) -> None:
        write = self.stdout.write
        header = (
            f"{'operation':<52} {'median':>9} {'p95':>9} {'runs':>4} {'queries':>7} {'size':>9} "
            f"{'×floor':>7}  goal"
        )
        write(f"\nBench on {connection.vendor}, {_volunteers():,} volunteers\n")
        write(header)
        write("-" * len(header))
        for r in results:
            if not r.built:
                write(f"{r.name:<52} {'':>46}  not built yet")
                continue
            if r.kind == "floor":
                verdict = "(the floor)"
            elif r.met:
                verdict = self.style.SUCCESS("met")
            else:
                verdict = self.style.ERROR("not met: " + "; ".join(r.problems))
            size = f"{r.size / KB:.1f} KB" if r.size < MB else f"{r.size / MB:.1f} MB"
            extra = f", peak {r.peak / MB:.1f} MB" if r.kind == "export" and r.peak else ""
            write(
                f"{r.name[:52]:<52} {r.median_ms:>7.1f}ms {r.p95_ms:>7.1f}ms {r.runs:>4} "
                f"{r.queries:>7} {size:>9} {r.ratio:>6.1f}×  {verdict}{extra}"
            )

    def compare(self, results, database_url: str, *, repeat: int, warmup: int, budget) -> bool:
        """Queries per request here and on the other database must be the same."""
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "other.json")
            env = {**os.environ, "DATABASE_URL": database_url}
            subprocess.run(  # noqa: S603 (our own command, with our own arguments)
                [
                    sys.executable,
                    "manage.py",
                    "bench",
                    "--repeat",
                    str(repeat),
                    "--warmup",
                    str(warmup),
                    "--budget",
                    str(budget),
                    "--json",
                    path,
                ],
                env=env,
                check=False,
                stdout=subprocess.DEVNULL,
                cwd=settings.BASE_DIR,
            )
            if not os.path.exists(path):
                raise CommandError(f"bench on {database_url} wrote no results.")
            with open(path, encoding="utf-8") as data:
                other = json.load(data)
        theirs = {_key(r["name"]): r for r in other["results"]}
        write = self.stdout.write
        write(
            f"\nQueries per request: {_volunteers():,} volunteers here, "
            f"{other['volunteers']:,} there"
        )
        same = True
        here = _volunteers()
        for r in results:
            if not r.built:
                continue
            key = _key(r.name)
            there = theirs.get(key)
            if there is None or not there["built"]:
                continue
            ok = there["queries"] == r.queries
            flat = ""
            if r.kind == "feed" and there["ratio"] and r.ratio:
                # Flat in the data: the same bounded window at every scale, within the noise
                # of a shared machine (a factor of two, and one floor more: a feed answered
                # from the cache takes less than the floor, where a factor of two is noise).
                larger, smaller = (
                    (r.ratio, there["ratio"])
                    if here >= other["volunteers"]
                    else (there["ratio"], r.ratio)
                )
                steady = larger <= 2 * smaller + 1.0
                ok = ok and steady
                flat = f"  ×floor {r.ratio:.1f} here, {there['ratio']:.1f} there"
                flat += "" if steady else " (grows with the data)"
            same = same and ok
            verdict = self.style.SUCCESS("same") if ok else self.style.ERROR("not the same")
            write(f"  {r.name[:52]:<52} {r.queries:>5} {there['queries']:>5}  {verdict}{flat}")
        return same


def _volunteers() -> int:
    return Volunteer.objects.count()


def _key(name: str) -> str:
    """An operation's name without what depends on the scale ("(20,000 sign-ups)")."""
    return name.split(" (")[0]
