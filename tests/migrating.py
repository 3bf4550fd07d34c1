"""Running the migrations back and forth, for the tests of a data migration."""

from collections.abc import Iterator

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """The schema at `targets` (app, migration) pairs; the historical apps of that state."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    return migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def historical(targets) -> Iterator:
    """For a fixture (`yield from historical(BEFORE)`, over `live_db`): the historical apps
    at `targets`, then the latest schema again, for the next test."""
    yield migrate(targets)
    migrate_to_latest()
