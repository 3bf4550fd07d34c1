"""Migration operations that only PostgreSQL runs; on SQLite they do nothing.

Search (esit/core/search.py) finds each word anywhere in `search_text` (a regular expression)
or by similarity: no B-tree index serves that, so on PostgreSQL every search read the whole
table. A GIN index over the column's trigrams (the pg_trgm extension) serves both; a second GIN
index over the column's Turkish tsvector serves the full-text match. SQLite has
neither, and reads its small tables well enough.

The index is created with SQL rather than declared in a model's Meta: a GinIndex in the
model's state would be recreated by SQLite's table rebuilds (any later AlterField there), where
`USING gin` is a syntax error.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL that runs on PostgreSQL only (no model state changes either way)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class KeptTrigramExtension(TrigramExtension):
    """pg_trgm, created if missing and kept when a migration is reversed: the indexes of other
    apps may depend on it."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        return


def trigram_index(table: str, name: str, column: str = "search_text") -> list:
    """The pg_trgm extension (if missing) and a GIN trigram index on `table`.`column`."""
    return [
        KeptTrigramExtension(),
        PostgresOnlySQL(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ("{column}" gin_trgm_ops)',
            reverse_sql=f'DROP INDEX IF EXISTS "{name}"',
        ),
    ]


def full_text_index(table: str, name: str, column: str = "search_text") -> list:
    """A GIN index on the Turkish tsvector of `table`.`column`: the expression search
    (esit/core/search.py) compares, written the same way, so PostgreSQL uses it."""
    return [
        PostgresOnlySQL(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f"USING gin (to_tsvector('turkish'::regconfig, \"{column}\"))",
            reverse_sql=f'DROP INDEX IF EXISTS "{name}"',
        ),
    ]
