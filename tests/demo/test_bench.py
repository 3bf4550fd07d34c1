"""`bench` times every key operation against the floor and prints each goal as met or not."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


@pytest.mark.django_db
def test_bench_prints_the_table_and_fails_while_a_goal_is_not_met(tmp_path):
    call_command("seed_bench", "--scale", "0.001", stdout=StringIO())
    out, results = StringIO(), tmp_path / "bench.json"
    with pytest.raises(SystemExit) as exit_status:
        call_command(
            "bench",
            "--repeat",
            "1",
            "--warmup",
            "1",
            "--json",
            str(results),
            stdout=out,
            stderr=StringIO(),
        )
    table = out.getvalue()
    assert exit_status.value.code == 1  # operations not built yet never count as met
    assert "floor: one primary-key query" in table
    assert "/activities/calendar.ics" in table
    assert "not built yet" in table
    assert "roster of the large activity (20 sign-ups)" in table
    assert "export of all volunteers (peak memory)" in table
    assert "goals met" in table
    assert '"queries"' in results.read_text()


@pytest.mark.django_db
def test_bench_only_measures_the_operations_named_and_the_floor(tmp_path):
    call_command("seed_bench", "--scale", "0.001", stdout=StringIO())
    out, results = StringIO(), tmp_path / "bench.json"
    # Matching (two dozen queries) is never within 10 × a one-query floor: the run fails.
    with pytest.raises(SystemExit) as exit_status:
        call_command(
            "bench",
            "--repeat",
            "1",
            "--warmup",
            "1",
            "--only",
            "MATCHING",
            "--json",
            str(results),
            stdout=out,
            stderr=StringIO(),
        )
    assert exit_status.value.code == 1
    names = [result["name"] for result in json.loads(results.read_text())["results"]]
    assert names == ["floor: one primary-key query", "matching for one shift"]
    assert "/activities/calendar.ics" not in out.getvalue()


@pytest.mark.django_db
def test_bench_refuses_a_database_without_bench_data():
    with pytest.raises(CommandError, match="seed_bench"):
        call_command("bench", stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_a_signed_in_clients_first_page_does_not_count_the_sign_in():
    from esit.core import versions
    from esit.demo.bench.measure import Fixtures, Runner, operations
    from esit.reference.versions import REFERENCE_VERSION

    call_command("seed_bench", "--scale", "0.001", stdout=StringIO())
    fixtures = Fixtures()
    queue = next(op for op in operations(fixtures) if op.name.startswith("staff application"))
    first = Runner(fixtures, repeat=1, warmup=1).time(queue)
    warm = Runner(fixtures, repeat=1, warmup=1)
    warm.client(queue.who)
    # The first request built the queue's filter form, kept under the reference version: a
    # new version makes the second runner's first request build it too, like the first's.
    versions.bump(REFERENCE_VERSION)
    again = warm.time(queue)
    assert first.queries == again.queries


@pytest.mark.django_db
def test_every_submission_the_bench_times_is_a_new_visitors_and_succeeds(settings):
    from esit.demo.bench.measure import Fixtures, Runner, operations

    # As `bench` runs: sessions read from the cache (esit/settings.py), not the tests' default.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    call_command("seed_bench", "--scale", "0.001", stdout=StringIO())
    fixtures = Fixtures()
    submission = next(op for op in operations(fixtures) if op.name == "one application submission")
    runner = Runner(fixtures, repeat=1, warmup=1)
    # Each is rolled back; the session the first began must not trip up the second.
    statuses = [runner.request(submission)[0].status_code for _ in range(3)]
    assert statuses == [302, 302, 302]
