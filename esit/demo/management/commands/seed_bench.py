"""The city-sized dataset `make bench` measures (docs/performance.md, "The data").

At `--scale 1.0`: 100,000 volunteers, 20,000 applications waiting for a decision, 5,000
activities with 50,000 shifts, 1,000,000 sign-ups and hours for the attended ones of past
shifts (about 500,000), 20,000 ideas with their supports and comments, and 1,000
announcements. Rows are written in bulk (COPY on PostgreSQL), not through the
services: the services' rules hold for the data (capacity, one active sign-up per shift and
volunteer, hours only for attendance) by construction, and a million calls would take hours.
The same `--scale` and `--seed` give the same data.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from esit.activities.services import records
from esit.demo.bench import activities, community, people
from esit.demo.bench.guard import foreign_rows, has_bench_data
from esit.demo.bench.sizes import Sizes
from esit.demo.bench.writer import RowWriter


class Command(BaseCommand):
    help = (
        "Fill an empty database with the city-sized bench dataset at a scale factor "
        "(1.0: 100,000 volunteers, 1,000,000 sign-ups). Refuses a database with real data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=0.1, help="1.0 is the full city")
        parser.add_argument("--seed", type=int, default=14)
        parser.add_argument(
            "--force",
            action="store_true",
            help="add bench data next to existing rows (never in production)",
        )

    def handle(self, *args, scale, seed, force, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale must be above 0 and at most 10.")
        if force and settings.PRODUCTION:
            raise CommandError("seed_bench --force is not allowed in production.")
        foreign = foreign_rows()
        if foreign and not force:
            found = ", ".join(f"{count} {kind}" for kind, count in foreign.items())
            raise CommandError(
                f"This database has real data ({found}): seed_bench only fills a database "
                "made for the bench (createdb, migrate, then seed_bench)."
            )
        if has_bench_data() and not force:
            raise CommandError(
                "This database already has bench data: drop it and create a new one, "
                "so the bench measures one dataset of a known size."
            )
        sizes = Sizes.at(scale)
        self.stdout.write(
            f"Bench data at scale {scale} on {connection.vendor}: {sizes.volunteers:,} "
            f"volunteers, {sizes.applications:,} applications, {sizes.activities:,} activities, "
            f"{sizes.shifts:,} shifts, about {sizes.signups:,} sign-ups, {sizes.ideas:,} ideas, "
            f"{sizes.announcements:,} announcements."
        )
        began = time.monotonic()
        writer = RowWriter(now=timezone.now(), stdout=self.stdout)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    # Nothing is lost if this one transaction is: the run starts again.
                    cursor.execute("SET LOCAL synchronous_commit = off")
            reference = people.Reference()
            staff = people.seed_staff()
            first_volunteer, active = people.seed_volunteers(writer, sizes, reference, seed=seed)
            people.seed_applications(writer, sizes, reference, seed=seed)
            # The next capabilities add their step here: it takes the same arguments.
            for step in (activities.seed_activities, community.seed_community):
                step(
                    writer,
                    sizes,
                    reference,
                    seed=seed,
                    staff=staff,
                    first_volunteer=first_volunteer,
                    active=active,
                )
            _records(writer)
        writer.finish()
        self.stdout.write(
            self.style.SUCCESS(f"Bench data ready in {time.monotonic() - began:.0f} s.")
        )


def _records(writer: RowWriter) -> None:
    """The volunteers' records, from what was written (the rows above bypassed the receivers
    that keep them)."""
    records.refresh_all(
        progress=lambda done, total: writer.progress.show(
            "volunteers' records", done, total, end=done == total
        )
    )
