"""Production without Redis keeps its cache in a database table; counters there stay exact.

Rate limits count with `cache.incr`: if two requests at once were counted once, a burst of
parallel requests would slip past every limit (esit/core/rate_limits.py).
"""

import threading

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

THREADS = 8
INCREMENTS = 25


@pytest.fixture
def database_cache(settings):
    usual = settings.CACHES
    settings.CACHES = {
        "default": {"BACKEND": "esit.core.cache.DatabaseCache", "LOCATION": "esit_test_cache"}
    }
    call_command("createcachetable", verbosity=0)
    cache.clear()
    yield cache
    cache.clear()
    # Back to the usual cache now, while the database is still open: the suite's own cache
    # clearing (tests/conftest.py) runs later, after a transactional test has closed it.
    settings.CACHES = usual


@pytest.mark.django_db
def test_incr_adds_to_the_stored_number(database_cache):
    database_cache.set("tries", 3)

    assert database_cache.incr("tries") == 4
    assert database_cache.incr("tries", 5) == 9
    assert database_cache.get("tries") == 9


@pytest.mark.django_db
def test_decr_takes_away(database_cache):
    database_cache.set("tries", 3)

    assert database_cache.decr("tries") == 2


@pytest.mark.django_db
def test_incr_of_a_missing_key_is_refused(database_cache):
    with pytest.raises(ValueError, match="not found"):
        database_cache.incr("never-set")


@pytest.mark.django_db
def test_incr_of_an_expired_key_is_refused(database_cache):
    database_cache.set("tries", 3, timeout=0)  # expires at once

    with pytest.raises(ValueError, match="not found"):
        database_cache.incr("tries")


@pytest.mark.django_db
def test_incr_keeps_the_expiry(database_cache):
    database_cache.add("tries", 0, timeout=3600)
    table = connection.ops.quote_name("esit_test_cache")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT expires FROM {table}")  # noqa: S608 - a fixed table name
        (before,) = cursor.fetchone()

        database_cache.incr("tries")

        cursor.execute(f"SELECT expires FROM {table}")  # noqa: S608 - a fixed table name
        assert cursor.fetchone() == (before,)


@pytest.mark.usefixtures("live_db")
def test_increments_at_the_same_moment_are_all_counted(database_cache):
    database_cache.add("tries", 0, timeout=3600)
    barrier = threading.Barrier(THREADS)
    errors = []

    def count():
        try:
            barrier.wait()
            for _ in range(INCREMENTS):
                database_cache.incr("tries")
        except Exception as error:  # any error fails the test below
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection; leave none open

    threads = [threading.Thread(target=count) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert database_cache.get("tries") == THREADS * INCREMENTS


@pytest.mark.django_db
def test_the_application_rate_limit_holds_with_the_database_cache(database_cache, client, settings):
    settings.APPLY_RATE_LIMIT = "2/h"

    answers = [client.post("/apply/", {}).status_code for _ in range(3)]

    assert answers == [200, 200, 429]


def unreachable_redis():
    from esit.core.cache import ResilientRedisCache
    from tests.resilience.stack import free_port

    return ResilientRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})  # nobody listens there


def test_a_redis_that_does_not_answer_degrades_to_this_processs_memory(caplog):
    redis = unreachable_redis()

    assert redis.get("page") is None
    redis.set("page", "<html>")
    assert redis.get("page") == "<html>"
    assert redis.add("tries", 0) is True
    assert redis.incr("tries") == 1  # rate limits keep counting
    assert redis.get_or_set("menu", "built") == "built"
    assert "Redis is unreachable" in caplog.text


def test_after_a_failure_redis_is_left_alone_for_a_few_seconds(monkeypatch):
    redis = unreachable_redis()
    redis.get("page")
    tried = []
    monkeypatch.setattr(redis, "_cache", None)  # any use of the Redis client would now fail

    for _ in range(3):
        tried.append(redis.get("page", "fallback"))

    assert tried == ["fallback"] * 3


@pytest.fixture
def redis_down():
    """Our Redis cache pointed at a port nobody listens on: Redis really down."""
    from django.test import override_settings

    from tests.resilience.stack import free_port

    dead = {
        "default": {
            "BACKEND": "esit.core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    with override_settings(CACHES=dead):
        yield


@pytest.mark.django_db
def test_with_redis_down_sign_in_still_works_and_says_so_in_the_log(redis_down, volunteer, caplog):
    from django.contrib.auth import get_user
    from django.test import Client

    from tests.accounts.helpers import sign_in

    visitor = Client()
    wrong = sign_in(visitor, volunteer.user.email, password="yanlis-parola")
    sign_in(visitor, volunteer.user.email)

    assert wrong.status_code == 200  # the form with its error, not a server error
    assert get_user(visitor) == volunteer.user
    # Said once per process, at the first use of the cache: creating the volunteer may be it.
    logged = caplog.get_records("setup") + caplog.get_records("call")
    assert any("Redis is unreachable" in record.getMessage() for record in logged)


@pytest.mark.django_db
def test_with_redis_down_the_public_forms_answer(redis_down, client):
    assert client.post("/apply/", {}).status_code == 200
    assert client.post("/accounts/password/reset/", {"email": "x@example.org"}).status_code == 302
