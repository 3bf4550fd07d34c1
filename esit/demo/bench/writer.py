"""Writing a city's worth of rows quickly: COPY on PostgreSQL, bulk_create elsewhere.

The bench's rows carry their own primary keys, taken from a counter that starts after the
highest id in the table, so the rows of one table can point at another's without reading
anything back; the sequences are moved past them at the end (`finish`). Columns a row does
not give are filled from the field: its constant default, the run's time for
`auto_now(_add)`, NULL or "" where allowed. A column without any of these (a token made by
a callable default) must be given: missing it is an error, not a random value, so two runs
at the same scale write the same data.
"""

import sys
from collections.abc import Iterable, Sequence

from django.core.management.color import no_style
from django.db import connection
from django.db.models import NOT_PROVIDED, Max

from esit.core.encryption import DerivedField, is_encrypted

BATCH = 5000


class Progress:
    """One line per table: rewritten in place on a terminal, printed once when done elsewhere."""

    def __init__(self, stdout):
        self.stdout = stdout
        self.live = getattr(stdout, "isatty", lambda: False)() or sys.stdout.isatty()

    def show(self, label: str, done: int, total: int, *, end: bool = False) -> None:
        if not (self.live or end):
            return
        percent = 100 if not total else min(100, done * 100 // total)
        filled = percent // 5
        bar = "█" * filled + "·" * (20 - filled)
        line = f"\r  {label:<32} {bar} {done:>9,}/{total:,} {percent:>3}%"
        self.stdout.write(line, ending="\n" if end else "")
        self.stdout.flush()


class RowWriter:
    def __init__(self, *, now, stdout):
        self.now = now
        self.progress = Progress(stdout)
        self.copy = connection.vendor == "postgresql"
        self.models = []

    def first_id(self, model) -> int:
        return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

    def write(
        self, model, columns: Sequence[str], rows: Iterable[tuple], *, total: int, label: str
    ) -> int:
        columns, fill = self._complete(model, columns)
        prepare = self._encryption(model, columns) if self.copy else None
        if model not in self.models:
            self.models.append(model)
        batch = self._copy_batch if self.copy else self._bulk_batch
        done, pending = 0, []
        for row in rows:
            row = row + fill if fill else row
            pending.append(prepare(row) if prepare else row)
            if len(pending) >= BATCH:
                batch(model, columns, pending)
                done += len(pending)
                pending = []
                self.progress.show(label, done, total)
        if pending:
            batch(model, columns, pending)
            done += len(pending)
        self.progress.show(label, done, total, end=True)
        return done

    def finish(self) -> None:
        """Sequences after the highest written id, and fresh planner statistics on PostgreSQL
        (the bench measures plans for a city, not for the empty tables autovacuum last saw)."""
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), self.models):
                cursor.execute(sql)
            if self.copy:
                for model in self.models:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")

    def _complete(self, model, columns):
        given = set(columns)
        extra, fill = [], []
        for field in model._meta.concrete_fields:
            if field.attname in given or field.primary_key:
                continue  # an id not given is the database's to choose
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = self.now
            elif field.default is not NOT_PROVIDED and not callable(field.default):
                value = field.default
            elif field.default is not NOT_PROVIDED and field.default in (list, dict):
                value = field.default()
            elif field.null:
                value = None
            elif field.blank and field.get_internal_type() in ("CharField", "TextField"):
                value = ""
            else:
                raise ValueError(f"{model.__name__}.{field.attname} must be given by the bench")
            extra.append(field.attname)
            if self.copy and not is_encrypted(field):
                value = field.get_db_prep_save(value, connection)
            fill.append(value)
        return tuple(columns) + tuple(extra), tuple(fill)

    def _encryption(self, model, columns):
        """COPY writes what the database stores: encrypted values, and the hash and birth-year
        columns derived from the clear ones (bulk_create does both itself). The cost is one
        Fernet encryption per value: about 10 µs, so ~2 s per 100,000 volunteers."""
        fields = [_field(model, column) for column in columns]
        derived = [
            (index, field, columns.index(field.source))
            for index, field in enumerate(fields)
            if isinstance(field, DerivedField) and field.source in columns
        ]
        encrypted = [(index, field) for index, field in enumerate(fields) if is_encrypted(field)]
        if not derived and not encrypted:
            return None

        def prepare(row):
            row = list(row)
            for index, field, source in derived:
                row[index] = field.derive(row[source])
            for index, field in encrypted:
                row[index] = field.get_db_prep_save(row[index], connection)
            return tuple(row)

        return prepare

    def _copy_batch(self, model, columns, rows):
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(_column(model, c)) for c in columns)
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def _bulk_batch(self, model, columns, rows):
        model.objects.bulk_create(
            [model(**dict(zip(columns, row, strict=True))) for row in rows], batch_size=500
        )


def _field(model, attname: str):
    for field in model._meta.concrete_fields:
        if field.attname == attname:
            return field
    raise ValueError(f"{model.__name__} has no column for {attname}")


def _column(model, attname: str) -> str:
    return _field(model, attname).column
