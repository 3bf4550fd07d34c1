"""Redis stops: the site still serves its pages and accepts applications; the cache degrades to
each process's memory and rate limits keep counting there (esit.core.cache.ResilientRedisCache).
When Redis is back, the shared cache is used again."""

import itertools

import pytest

from tests.platform.processes import script
from tests.resilience.stack import environment, wait_until

pytestmark = [pytest.mark.resilience, pytest.mark.alone]

smoke = script("smoke")
PAGES = ["/", "/activities/", "/announcements/", "/apply/", "/accounts/login/", "/privacy/"]
LIMIT = 3  # applications an hour from one address


def test_with_redis_stopped_pages_are_served_applications_accepted_and_limits_still_hold(
    cluster, database, mail, redis_server, serve
):
    env = environment(
        cluster.url(database), mail, REDIS_URL=redis_server.url, APPLY_RATE_LIMIT=f"{LIMIT}/h"
    )
    web = serve(env, workers=1)  # one process: its own counters are the whole count
    visitor = smoke.Browser(web.url, address="198.51.100.7")
    for page in PAGES:
        visitor.get(page)
    smoke.apply(visitor, "redis-oncesi@esitizmir.example", phone="0532 100 00 00")

    redis_server.stop()

    for page in PAGES:
        visitor.get(page)  # 200, or smoke.Failure names the page and its answer
    someone_else = smoke.Browser(web.url, address="198.51.100.8")
    answers = [
        smoke.apply(
            someone_else,
            f"redis-yok-{number}@esitizmir.example",
            phone=f"0532 200 00 0{number}",
            expect=None,
        )
        for number in range(LIMIT + 1)
    ]
    assert [answer.status_code for answer in answers[:LIMIT]] == [302] * LIMIT
    assert answers[LIMIT].status_code == 429, "the rate limit no longer holds without Redis"
    stored = {
        row[0] for row in cluster.rows(database, "SELECT email FROM applications_application")
    }
    assert {f"redis-yok-{number}@esitizmir.example" for number in range(LIMIT)} <= stored

    assert "Redis is unreachable" in web.errors()

    redis_server.start()  # the same port, empty: the site finds it again by itself
    later = itertools.count(10)

    def an_application_counted_in_redis() -> bool:
        number = next(later)
        visitor = smoke.Browser(web.url, address=f"198.51.100.{number}")
        smoke.apply(
            visitor, f"redis-sonrasi-{number}@esitizmir.example", phone=f"0532 300 00 {number}"
        )
        return redis_server.keys() > 0  # its rate-limit counter

    wait_until(
        an_application_counted_in_redis,
        timeout=120,
        message="The site did not go back to Redis.",
        interval=0.5,
    )
    assert "Redis answers again" in web.errors()
