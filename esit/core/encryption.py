"""Encryption at rest of sensitive columns, and keyed hashes for equality look-ups.

Phone numbers, exact birth dates and the free texts people write about themselves are
stored as Fernet tokens (AES-128-CBC with an HMAC-SHA256 tag). `FIELD_ENCRYPTION_KEYS` holds
one or more keys, comma-separated: the first encrypts, every one decrypts, so a key is
rotated by putting a new one first, running `manage.py rotate_encryption_keys`, then
removing the old one.

A Fernet token differs on every write, so the database cannot compare two of them: a
column that must be found by its value (duplicate phone, unique constraint, search by
number) has a `LookupHashField` beside it, an HMAC-SHA256 of the clear value with
`LOOKUP_HASH_KEY`. An encrypted column refuses every look-up except `isnull`, so a query
that forgot the hash fails loudly instead of finding nothing.
"""

import datetime
import functools
import hashlib
import hmac
from collections.abc import Callable, Iterable
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, models, transaction


@functools.lru_cache(maxsize=8)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS must be Fernet keys (32 url-safe base64-encoded bytes)."
        ) from error


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "An encrypted value cannot be read with any key of FIELD_ENCRYPTION_KEYS."
        ) from error


def rotate(token: str) -> str:
    """The same value encrypted with the first key (MultiFernet.rotate)."""
    return fernet().rotate(token.encode()).decode()


def lookup_hash(value: str) -> str:
    """The keyed hash an equality look-up compares: HMAC-SHA256 of the clear value, in hex."""
    if not value:
        return ""
    key = settings.LOOKUP_HASH_KEY.encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def lookup_hashes(values: Iterable[str]) -> list[str]:
    return [lookup_hash(value) for value in values if value]


class _Encrypted:
    """Stores the field's value as a Fernet token in a text column; reads it back clear."""

    def get_internal_type(self) -> str:
        return "TextField"

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name != "isnull":
            return None  # FieldError: "Unsupported lookup" (compare the hash column instead)
        return super().get_lookup(lookup_name)  # type: ignore[misc]

    def get_transform(self, lookup_name: str) -> Any:
        return None

    def to_clear_text(self, value: Any) -> str:
        return str(value)

    def from_clear_text(self, text: str) -> Any:
        return text

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if not prepared:
            value = self.get_prep_value(value)  # type: ignore[attr-defined]
        if value is None or value == "":
            return value
        return encrypt(self.to_clear_text(value))

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        return self.get_db_prep_value(value, connection, prepared=False)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return self.from_clear_text(decrypt(value))


class EncryptedCharField(_Encrypted, models.CharField):
    pass


class EncryptedTextField(_Encrypted, models.TextField):
    pass


class EncryptedDateField(_Encrypted, models.DateField):
    def to_clear_text(self, value: Any) -> str:
        return value.isoformat()

    def from_clear_text(self, text: str) -> datetime.date:
        return datetime.date.fromisoformat(text)


class DerivedField:
    """A column computed from another field of the row on every save (`source`)."""

    source: str
    derive: Callable[[Any], Any]  # each field says how (LookupHashField, BirthYearField)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = self.derive(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)  # type: ignore[attr-defined]
        return value


class LookupHashField(DerivedField, models.CharField):
    """The keyed hash of another column (empty when it is empty), for equality look-ups."""

    def __init__(self, *args: Any, source: str, **kwargs: Any) -> None:
        self.source = source
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        for key, value in (("max_length", 64), ("editable", False), ("blank", True)):
            if kwargs.get(key) == value:
                del kwargs[key]
        if kwargs.get("default") == "":
            del kwargs["default"]
        return name, path, args, kwargs

    def derive(self, value: Any) -> str:
        return lookup_hash(value or "")


class BirthYearField(DerivedField, models.PositiveSmallIntegerField):
    """The year of an (encrypted) birth date, kept in clear for age bands in reports."""

    def __init__(self, *args: Any, source: str, **kwargs: Any) -> None:
        self.source = source
        kwargs.setdefault("editable", False)
        kwargs.setdefault("null", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        if kwargs.get("editable") is False:
            del kwargs["editable"]
        if kwargs.get("null") is True:
            del kwargs["null"]
        return name, path, args, kwargs

    def derive(self, value: Any) -> int | None:
        return value.year if value else None


class DerivedFieldsModel(models.Model):
    """Saving a source field with `update_fields` saves the columns derived from it too."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            names = set(update_fields)
            for field in self._meta.concrete_fields:
                if isinstance(field, DerivedField) and field.source in names:
                    names.add(field.name)
            kwargs["update_fields"] = list(names)
        super().save(*args, **kwargs)


def is_encrypted(field: Any) -> bool:
    return isinstance(field, _Encrypted)


def encrypted_fields(model: type[models.Model]) -> list[str]:
    """The columns of `model` that hold encrypted values."""
    return [
        str(field.column) for field in model._meta.concrete_fields if isinstance(field, _Encrypted)
    ]


def reencrypt_rows(model: type[models.Model], *, batch: int = 500) -> int:
    """Rewrite every encrypted column of every row with the first key; the number of rows.
    Batches lock their rows (PostgreSQL), so a save made meanwhile is not overwritten."""
    columns = encrypted_fields(model)
    if not columns:
        return 0
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(str(model._meta.pk.column))
    quoted = [connection.ops.quote_name(column) for column in columns]
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    done = 0
    last: Any = None
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            where = "" if last is None else f" WHERE {pk} > %s"
            select = f"SELECT {pk}, {', '.join(quoted)} FROM {table}{where}"  # noqa: S608 - names from the model
            cursor.execute(
                f"{select} ORDER BY {pk} LIMIT %s{lock}",
                ([] if last is None else [last]) + [batch],
            )
            rows = cursor.fetchall()
            if not rows:
                return done
            assignments = ", ".join(f"{name} = %s" for name in quoted)
            rotated: Callable[[Any], Any] = lambda value: rotate(value) if value else value  # noqa: E731
            cursor.executemany(
                f"UPDATE {table} SET {assignments} WHERE {pk} = %s",  # noqa: S608 - names from the model
                [[rotated(value) for value in row[1:]] + [row[0]] for row in rows],
            )
            done += len(rows)
            last = rows[-1][0]


def encrypt_clear_columns(
    schema_editor: Any,
    table: str,
    *,
    encrypted: Iterable[str],
    hashes: dict[str, str] | None = None,
    years: dict[str, str] | None = None,
    batch: int = 500,
) -> None:
    """Migrations: encrypt the clear values already in `table`'s `encrypted` columns, and
    fill each hash column (`hashes`: hash column -> source) and year column (`years`) from
    the clear value. Raw SQL: the historical model would try to decrypt the clear text."""
    hashes, years = hashes or {}, years or {}
    encrypted = list(encrypted)
    sources = list(dict.fromkeys([*encrypted, *hashes.values(), *years.values()]))
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    targets = [*encrypted, *hashes, *years]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {', '.join(map(quote, sources))} FROM {quote(table)}")  # noqa: S608 - names from the migration
        rows = cursor.fetchall()
        updates = []
        for row in rows:
            clear = {
                name: ("" if value is None else str(value))
                for name, value in zip(sources, row[1:], strict=True)
            }
            values: list[Any] = [
                encrypt(clear[name]) if clear[name] else clear[name] for name in encrypted
            ]
            values += [lookup_hash(clear[source]) for source in hashes.values()]
            values += [
                int(clear[source][:4]) if clear[source] else None for source in years.values()
            ]
            updates.append([*values, row[0]])
        assignments = ", ".join(f"{quote(name)} = %s" for name in targets)
        for start in range(0, len(updates), batch):
            cursor.executemany(
                f"UPDATE {quote(table)} SET {assignments} WHERE id = %s",  # noqa: S608 - names from the migration
                updates[start : start + batch],
            )


def decrypt_to_clear_columns(schema_editor: Any, table: str, *, encrypted: Iterable[str]) -> None:
    """The reverse of `encrypt_clear_columns`: clear values back in the columns."""
    encrypted = list(encrypted)
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {', '.join(map(quote, encrypted))} FROM {quote(table)}")  # noqa: S608 - names from the migration
        updates = [
            [decrypt(value) if value else value for value in row[1:]] + [row[0]]
            for row in cursor.fetchall()
        ]
        assignments = ", ".join(f"{quote(name)} = %s" for name in encrypted)
        if updates:
            cursor.executemany(
                f"UPDATE {quote(table)} SET {assignments} WHERE id = %s",  # noqa: S608 - names from the migration
                updates,
            )


def rehash_rows(model: type[models.Model], *, batch: int = 500) -> int:
    """Recompute the row's keyed hash columns from the (decrypted) clear values."""
    derived = [field for field in model._meta.concrete_fields if isinstance(field, LookupHashField)]
    if not derived:
        return 0
    names = [field.attname for field in derived]
    sources = {field.source for field in derived}
    rows = list(model._base_manager.only("pk", *sources).order_by("pk"))
    for row in rows:
        for field in derived:
            setattr(row, field.attname, field.derive(getattr(row, field.source)))
    model._base_manager.bulk_update(rows, names, batch_size=batch)
    return len(rows)
