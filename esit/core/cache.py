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
import time

from django.core.cache.backends import db
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


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


class ResilientRedisCache(RedisCache):
    """Redis, and when Redis stops answering, this process's memory instead of an error.

    Everything the cache holds can be rebuilt (cached pages, rate-limit counters, the cached
    copy of a session kept in the database by `cached_db`), so a Redis that is down or
    restarting must cost speed, not pages: every operation that fails to reach Redis is done on
    a local-memory cache of this process, and Redis is left alone for `RETRY_SECONDS` before it
    is tried again, so a page does not wait for a connection timeout on every call. Rate limits
    then count per process: looser by the number of processes, still limits. One warning is
    logged each time Redis goes away and one when it is back.
    """

    RETRY_SECONDS = 5.0

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        # Fail fast: a cache that takes seconds to time out is slower than no cache.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        super().__init__(server, params)
        self._fallback = LocMemCache(f"esit-fallback-{id(self)}", params)
        self._down_until = 0.0

    def _call(self, operation: str, *args, **kwargs):
        if time.monotonic() >= self._down_until:
            try:
                result = getattr(RedisCache, operation)(self, *args, **kwargs)
            except RedisError as error:
                self._down_until = time.monotonic() + self.RETRY_SECONDS
                logger.warning("Redis is unreachable (%s): caching in this process for now.", error)
            else:
                if self._down_until:
                    self._down_until = 0.0
                    logger.warning("Redis answers again: back to the shared cache.")
                return result
        return getattr(self._fallback, operation)(*args, **kwargs)


def _through_fallback(operation: str):
    def method(self, *args, **kwargs):
        return self._call(operation, *args, **kwargs)

    method.__name__ = operation
    return method


# Every operation Django's RedisCache implements (the rest of BaseCache is built on these).
for _operation in (
    "add", "get", "set", "touch", "delete", "get_many", "set_many", "delete_many",
    "has_key", "incr", "clear",
):  # fmt: skip
    setattr(ResilientRedisCache, _operation, _through_fallback(_operation))
