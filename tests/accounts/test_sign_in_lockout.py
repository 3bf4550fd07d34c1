"""Guessing passwords is cut short without locking the real owner out
(settings.ACCOUNT_RATE_LIMITS, esit/accounts/sign_in.py):

- 5 failures for one account from one client address within 5 minutes lock that address
  out of that account, the right password included; the owner elsewhere still signs in;
- 20 failures from one address, whatever the accounts, lock that address;
- a much higher cap per account from everywhere slows a guesser spread over many
  addresses, and addresses the account completed a sign-in from before do not count
  against it: the owner at her usual desk gets in.
"""

import pytest
from django.contrib.auth import get_user
from django.test import Client, RequestFactory

from esit.accounts.models import KnownSignInAddress
from esit.accounts.sign_in import remember_address
from esit.core.network import hash_ip
from tests import factories
from tests.accounts.helpers import current_totp_code, sign_in

TOO_MANY = "Çok fazla hatalı giriş yapıldı"
ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20
ACCOUNT_WIDE_LIMIT = 8  # the tests' own, lower than the deployment's 50/1h
ATTACKER = "85.105.1.2"
OWNER_AT_HOME = "176.88.4.9"


@pytest.fixture
def account_wide_limit(settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed_account": f"{ACCOUNT_WIDE_LIMIT}/1h/key",
    }


def fail(client, email: str, times: int, **headers) -> None:
    for _ in range(times):
        response = sign_in(client, email, password="yanlis-parola", **headers)
        assert response.status_code == 200


def from_address(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def attack_from_many_addresses(email: str, attempts: int) -> None:
    """A guesser spread over many addresses: fewer than 5 failures from each."""
    for attempt in range(attempts):
        fail(from_address(f"203.0.113.{attempt + 1}"), email, 1)


def has_signed_in_before(user, address: str) -> None:
    """A complete sign-in from `address`, which remembers it (hashed)."""
    owner = from_address(address)
    sign_in(owner, user.email)
    assert get_user(owner) == user
    owner.post("/accounts/logout/")


def test_the_account_wide_cap_is_much_higher_than_the_per_address_one(settings):
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"] == "20/5m/ip,5/5m/key"
    assert settings.ACCOUNT_RATE_LIMITS["login_failed_account"] == "50/1h/key"


def test_five_wrong_passwords_lock_that_address_out_even_against_the_right_one(client, volunteer):
    fail(client, volunteer.user.email, ACCOUNT_LIMIT)

    response = sign_in(client, volunteer.user.email)

    assert not get_user(client).is_authenticated
    assert TOO_MANY in response.content.decode()


def test_four_wrong_passwords_still_let_the_right_one_in(client, volunteer):
    fail(client, volunteer.user.email, ACCOUNT_LIMIT - 1)

    sign_in(client, volunteer.user.email)

    assert get_user(client) == volunteer.user


def test_an_attackers_wrong_passwords_do_not_keep_the_owner_out_from_another_address(volunteer):
    """The attack the old lockout allowed: anyone who knew the address kept its owner out."""
    fail(from_address(ATTACKER), volunteer.user.email, ACCOUNT_LIMIT * 3)
    owner = from_address(OWNER_AT_HOME)

    sign_in(owner, volunteer.user.email)

    assert get_user(owner) == volunteer.user


def test_the_attackers_own_address_stays_locked_for_that_account(volunteer):
    attacker = from_address(ATTACKER)
    fail(attacker, volunteer.user.email, ACCOUNT_LIMIT)

    response = sign_in(attacker, volunteer.user.email)  # even the right password

    assert not get_user(attacker).is_authenticated
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
    other_address = from_address(OWNER_AT_HOME)
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


def test_guesses_spread_over_many_addresses_reach_the_account_wide_cap(
    account_wide_limit, volunteer
):
    attack_from_many_addresses(volunteer.user.email, ACCOUNT_WIDE_LIMIT)
    newcomer = from_address("198.51.100.7")  # an address the account never signed in from

    response = sign_in(newcomer, volunteer.user.email)

    assert not get_user(newcomer).is_authenticated
    assert TOO_MANY in response.content.decode()


def test_the_owner_at_her_usual_address_is_not_denied_by_the_account_wide_cap(
    account_wide_limit, volunteer
):
    has_signed_in_before(volunteer.user, OWNER_AT_HOME)
    attack_from_many_addresses(volunteer.user.email, ACCOUNT_WIDE_LIMIT * 2)
    owner = from_address(OWNER_AT_HOME)

    sign_in(owner, volunteer.user.email)

    assert get_user(owner) == volunteer.user


def test_the_usual_address_still_needs_the_right_password(account_wide_limit, volunteer):
    has_signed_in_before(volunteer.user, OWNER_AT_HOME)
    from_home = from_address(OWNER_AT_HOME)
    fail(from_home, volunteer.user.email, ACCOUNT_LIMIT)

    response = sign_in(from_home, volunteer.user.email)

    assert not get_user(from_home).is_authenticated
    assert TOO_MANY in response.content.decode()


def test_a_coordinator_under_attack_signs_in_with_password_and_second_factor(
    account_wide_limit, coordinator
):
    """Staff: the guesser is everywhere but at the coordinator's desk; the right password and
    the right code from that desk reach the staff pages."""
    # Yesterday's complete sign-in from her desk (today's code cannot be used twice).
    remember_address(
        None, request=RequestFactory(REMOTE_ADDR=OWNER_AT_HOME).get("/"), user=coordinator
    )
    desk = from_address(OWNER_AT_HOME)
    fail(from_address(ATTACKER), coordinator.email, ACCOUNT_LIMIT * 2)
    attack_from_many_addresses(coordinator.email, ACCOUNT_WIDE_LIMIT * 2)

    response = sign_in(desk, coordinator.email)
    assert response.status_code == 302, response.content.decode()
    desk.post("/accounts/2fa/authenticate/", {"code": current_totp_code(coordinator.totp_secret)})

    assert get_user(desk) == coordinator
    assert desk.get("/staff/").status_code == 200


def test_a_password_alone_does_not_make_an_address_known(coordinator):
    """Only a completed sign-in (the second factor too, for staff) remembers an address."""
    desk = from_address(OWNER_AT_HOME)
    sign_in(desk, coordinator.email)
    assert not KnownSignInAddress.objects.filter(user=coordinator).exists()

    desk.post("/accounts/2fa/authenticate/", {"code": current_totp_code(coordinator.totp_secret)})

    assert get_user(desk) == coordinator
    assert KnownSignInAddress.objects.filter(user=coordinator).count() == 1


def test_a_known_address_is_kept_only_as_a_keyed_hash(volunteer):
    has_signed_in_before(volunteer.user, OWNER_AT_HOME)

    known = KnownSignInAddress.objects.get(user=volunteer.user)
    assert known.address_hash == hash_ip(OWNER_AT_HOME)
    assert OWNER_AT_HOME not in known.address_hash


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
