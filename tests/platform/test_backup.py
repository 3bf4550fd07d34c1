"""A backup taken with scripts/backup (pg_dump) and restored with scripts/restore into a new
database has the same rows in every table: the steps docs/operations.md gives, run as given.

PostgreSQL only (the pass of .ci/run on PostgreSQL): SQLite is the development database."""

import os
import shutil
import subprocess
import uuid

import pytest
from django.conf import settings
from django.db import connection

from tests import factories

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump backs up PostgreSQL"
)


def url(name: str) -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def row_counts(database_url: str) -> dict[str, int]:
    """Every table's exact row count, read with psql (not through Django's connection)."""
    query = (
        "SELECT string_agg(format('SELECT %L, count(*) FROM %I', tablename, tablename), "
        "' UNION ALL ') FROM pg_tables WHERE schemaname = 'public'"
    )
    union = psql(database_url, query)
    lines = psql(database_url, union).splitlines()
    return {table: int(count) for table, count in (line.split("|") for line in lines)}


def psql(database_url: str, sql: str) -> str:
    command = [shutil.which("psql") or "/usr/bin/psql", "-X", "-A", "-t", "-q"]
    return subprocess.run(  # noqa: S603 (psql with our own query)
        [*command, "-v", "ON_ERROR_STOP=1", database_url, "-c", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def script(name: str, dump, database_url: str) -> None:
    subprocess.run(  # noqa: S603 (the repository's own script)
        [f"scripts/{name}", str(dump)],
        env={"PATH": os.environ["PATH"], "DATABASE_URL": database_url},
        cwd=settings.BASE_DIR,
        check=True,
    )


def test_a_restored_backup_has_the_same_rows_in_every_table(live_db, tmp_path):
    factories.ApplicationFactory(first_name="Işıl", last_name="Çağlayan")
    factories.VolunteerFactory(first_name="Gülşen")
    source = url(connection.settings_dict["NAME"])
    copy = f"esit_restore_{uuid.uuid4().hex[:12]}"
    dump = tmp_path / "esit.dump"

    script("backup", dump, source)
    psql(url("postgres"), f"CREATE DATABASE {copy}")
    try:
        script("restore", dump, url(copy))
        restored, original = row_counts(url(copy)), row_counts(source)
    finally:
        psql(url("postgres"), f"DROP DATABASE IF EXISTS {copy} WITH (FORCE)")
    assert restored == original
    assert original["applications_application"] == 1
    assert original["volunteers_volunteer"] == 1
