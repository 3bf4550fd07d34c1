"""Guessing passwords is cut short (settings.ACCOUNT_RATE_LIMITS["login_failed"]):
5 failures per account and 20 per address within 5 minutes, then sign-in is refused.
"""

from django.contrib.auth import get_user
from django.test import Client

from tests import factories
from tests.accounts.helpers import sign_in

TOO_MANY = "Çok fazla hatalı giriş yapıldı"
ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20


def fail(client, email: str, times: int, **headers) -> None:
    for _ in range(times):
        response = sign_in(client, email, password="yanlis-parola", **headers)
        assert response.status_code == 200


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, volunteer):
    fail(client, volunteer.user.email, ACCOUNT_LIMIT)

    response = sign_in(client, volunteer.user.email)

    assert not get_user(client).is_authenticated
    assert TOO_MANY in response.content.decode()


def test_four_wrong_passwords_still_let_the_right_one_in(client, volunteer):
    fail(client, volunteer.user.email, ACCOUNT_LIMIT - 1)

    sign_in(client, volunteer.user.email)

    assert get_user(client) == volunteer.user


def test_the_lock_holds_from_another_address(volunteer):
    fail(Client(REMOTE_ADDR="85.105.1.2"), volunteer.user.email, ACCOUNT_LIMIT)
    elsewhere = Client(REMOTE_ADDR="176.88.4.9")

    response = sign_in(elsewhere, volunteer.user.email)

    assert not get_user(elsewhere).is_authenticated
    assert TOO_MANY in response.content.decode()


def test_the_lock_holds_whatever_port_the_host_header_names(client, volunteer):
    for port in range(8001, 8001 + ACCOUNT_LIMIT):
        fail(client, volunteer.user.email, 1, HTTP_HOST=f"testserver:{port}")

    response = sign_in(client, volunteer.user.email, HTTP_HOST="testserver:9999")

    assert not get_user(client).is_authenticated
    assert TOO_MANY in response.content.decode()


def test_the_lock_also_holds_in_the_other_letter_case(client, volunteer):
    fail(client, volunteer.user.email.upper(), ACCOUNT_LIMIT)

    sign_in(client, volunteer.user.email)

    assert not get_user(client).is_authenticated


def test_another_account_from_the_same_address_still_signs_in(client, volunteer):
    fail(client, "baska.biri@example.org", ACCOUNT_LIMIT)

    sign_in(client, volunteer.user.email)

    assert get_user(client) == volunteer.user


def test_twenty_failures_from_one_address_lock_that_address(client, volunteer):
    for attempt in range(ADDRESS_LIMIT):
        fail(client, f"tahmin{attempt}@example.org", 1)

    response = sign_in(client, volunteer.user.email)

    assert not get_user(client).is_authenticated
    assert TOO_MANY in response.content.decode()
    other_address = Client(REMOTE_ADDR="176.88.4.9")
    sign_in(other_address, volunteer.user.email)
    assert get_user(other_address) == volunteer.user


def test_a_right_password_does_not_wipe_the_earlier_failures(client, volunteer):
    """Otherwise a guesser who also knows one password could sign in now and then to reset
    the count; allauth takes back only the successful attempt."""
    fail(client, volunteer.user.email, ACCOUNT_LIMIT - 1)
    sign_in(client, volunteer.user.email)
    client.post("/accounts/logout/")
    fail(client, volunteer.user.email, 1)

    sign_in(client, volunteer.user.email)

    assert not get_user(client).is_authenticated


def test_a_staff_account_is_locked_the_same_way(client, db):
    coordinator = factories.StaffFactory(role="coordinator")
    fail(client, coordinator.email, ACCOUNT_LIMIT)

    response = sign_in(client, coordinator.email)

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()


def cache_keys() -> list[str]:
    """Every key in the cache, on Redis (CI) or in local memory (make test)."""
    from django.core.cache import cache

    backend = cache._cache
    if hasattr(backend, "get_client"):  # Django's Redis cache
        return [key.decode() for key in backend.get_client().keys("*")]
    return list(backend.keys())


def test_no_rate_limit_key_holds_the_raw_client_address(volunteer):
    visitor = Client(REMOTE_ADDR="85.105.1.2")
    for _ in range(3):
        sign_in(visitor, volunteer.user.email, password="yanlış-parola-123")
    keys = cache_keys()

    assert any(":allauth:rl:" in key or "allauth:rl:" in key for key in keys), keys
    assert not [key for key in keys if "85.105.1.2" in key]


def test_an_ipv6_visitor_is_rate_limited_by_a_hash_of_her_network(volunteer):
    visitor = Client(REMOTE_ADDR="2001:db8:85a3::8a2e:370:7334")
    response = sign_in(visitor, volunteer.user.email, password="yanlış-parola-123")

    assert response.status_code == 200  # the form again, with its error: no server error
    keys = cache_keys()
    assert any("allauth:rl:" in key for key in keys), keys
    assert not [key for key in keys if "2001:db8" in key]
