"""The cache of a production without Redis: a database table, with counters that count right.

Rate limits (esit/core/rate_limits.py: the public forms) count requests with
`cache.add(key, 1)` then `cache.incr(key)`. Django's database cache increments by
reading the value and writing it back, so two requests at once can both read 4 and
both write 5: a burst of parallel requests is counted as one, and the limit no longer
holds. Here `incr` locks the row first (`SELECT … FOR UPDATE` on
PostgreSQL; SQLite takes its write lock when the transaction begins, see
`transaction_mode` in settings), so concurrent increments are applied one after the
other. `tests/platform/test_cache.py` runs them in parallel threads.
"""

import base64
import logging
import pickle

from django.core.cache.backends import db
from django.core.cache.backends import redis as redis_backend
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import connections, models, router, transaction
from django.utils.timezone import now
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
REDIS_ERRORS = (RedisConnectionError, RedisTimeoutError)


class DatabaseCache(db.DatabaseCache):
    def incr(self, key, delta=1, version=None):
        cache_key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        quote = connection.ops.quote_name
        table = quote(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        # Table and column names are quoted by the database backend, as in Django's cache.
        select = (
            f"SELECT {quote('value')}, {quote('expires')} FROM {table} "  # noqa: S608
            f"WHERE {quote('cache_key')} = %s{lock}"
        )
        update = f"UPDATE {table} SET {quote('value')} = %s WHERE {quote('cache_key')} = %s"  # noqa: S608
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(select, [cache_key])
            row = cursor.fetchone()
            if row is None or self._expires(connection, row[1]) < now():
                raise ValueError(f"Key '{key}' not found")
            value = self._decoded(connection.ops.process_clob(row[0])) + delta
            cursor.execute(update, [self._encoded(value), cache_key])
        return value

    def _decoded(self, stored: str):
        # Our own cache table, read exactly as Django's DatabaseCache reads it.
        return pickle.loads(base64.b64decode(stored.encode(), validate=True))  # noqa: S301

    def _encoded(self, value) -> str:
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")

    @staticmethod
    def _expires(connection, expires):
        """The `expires` column as an aware datetime, converted as Django's cache does it."""
        expression = models.Expression(output_field=models.DateTimeField())
        converters = connection.ops.get_db_converters(expression) + expression.get_db_converters(
            connection
        )
        for converter in converters:
            expires = converter(expires, expression, connection)
        return expires


class RedisCache(redis_backend.RedisCache):
    """Django's Redis cache that, when Redis does not answer, acts as an empty cache.

    Everything kept in the cache can be lost without harm: rate-limit counters (allauth's
    sign-in lockout, the public forms), and sessions' copies (`cached_db` reads them from the
    database then). So an unreachable Redis costs those limits while it lasts, with a warning
    in the log, and never answers a visitor with a server error. `add` reports success (the
    lock allauth takes is "held"), reads find nothing, writes and deletions do nothing.
    """

    def _down(self, operation: str, error: Exception):
        logger.warning(
            "The cache (Redis) did not answer %s (%s): carrying on without it.",
            operation,
            type(error).__name__,
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except REDIS_ERRORS as error:
            self._down("add", error)
            return True

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except REDIS_ERRORS as error:
            self._down("get", error)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except REDIS_ERRORS as error:
            self._down("set", error)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except REDIS_ERRORS as error:
            self._down("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except REDIS_ERRORS as error:
            self._down("delete", error)
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except REDIS_ERRORS as error:
            self._down("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except REDIS_ERRORS as error:
            self._down("has_key", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except REDIS_ERRORS as error:
            self._down("incr", error)
            raise ValueError(f"Key '{key}' not found") from error

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except REDIS_ERRORS as error:
            self._down("set_many", error)
            return []

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except REDIS_ERRORS as error:
            self._down("delete_many", error)
