"""Every public form is rate limited per client address (esit/core/rate_limits.py), with a
translated 429 page; the counters hold no raw address; a cache outage lets posts through.

Sign-in and password reset are allauth's limits (settings.ACCOUNT_RATE_LIMITS), tested at the
end of this file and in tests/accounts/test_sign_in_lockout.py.
"""

import logging
import socket

import pytest
from django.test import Client, override_settings
from django.urls import get_resolver

from esit.applications.models import Application
from esit.core import rate_limits
from tests import factories
from tests.accounts.test_sign_in_lockout import cache_keys
from tests.platform.matrix_world import routes

pytestmark = pytest.mark.django_db

TOKEN = "x" * 32
# Every public form a visitor posts without an account: (its address, the setting of its rate).
PUBLIC_FORMS = {
    "apply": ("/apply/", "APPLY_RATE_LIMIT"),
    "application_status": (f"/apply/status/{TOKEN}/", "PUBLIC_FORM_RATE_LIMIT"),
    "application_correction": (f"/apply/status/{TOKEN}/correct/", "APPLY_RATE_LIMIT"),
    "participant_registration": (
        "/activities/{activity}/register/",
        "PUBLIC_REGISTRATION_RATE_LIMIT",
    ),
    "participant_cancellation": (
        f"/activities/registrations/{TOKEN}/cancel/",
        "PUBLIC_FORM_RATE_LIMIT",
    ),
    "shift_confirmation": (f"/activities/signups/confirm/{TOKEN}/", "PUBLIC_FORM_RATE_LIMIT"),
    "unsubscribe": (f"/notifications/unsubscribe/{TOKEN}/", "UNSUBSCRIBE_RATE_LIMIT"),
    "invitation_accept": (f"/invitations/{TOKEN}/accept/", "PUBLIC_FORM_RATE_LIMIT"),
    "invitation_decline": (f"/invitations/{TOKEN}/decline/", "PUBLIC_FORM_RATE_LIMIT"),
    "retention_stay": (f"/me/stay/{TOKEN}/", "PUBLIC_FORM_RATE_LIMIT"),
    # Signed-in volunteers only, but counted before the sign-in check, like the public ones.
    "safety_concern": ("/me/safety/", "PUBLIC_FORM_RATE_LIMIT"),
}
# Forms behind a sign-in that are limited all the same (posting to the network), each tested
# in its app's tests: tests/community/, tests/moderation/test_reporting.py,
# tests/resources/test_adding.py.
SIGNED_IN_FORMS = {
    "idea_post": "COMMUNITY_POST_RATE_LIMIT",
    "idea_comment": "COMMUNITY_COMMENT_RATE_LIMIT",
    "idea_support": "COMMUNITY_SUPPORT_RATE_LIMIT",
    "moderation.report": "MODERATION_REPORT_RATE_LIMIT",
    "resources.add": "RESOURCES_UPLOAD_RATE_LIMIT",
    "community_nickname": "COMMUNITY_POST_RATE_LIMIT",
}
# Public addresses that accept a post and are not limited here, with the reason.
NOT_LIMITED_HERE = {
    "i18n/setlang/": "switches the page's language: stores nothing but a cookie",
}
# Public addresses that only answer GET (no form is posted to them).
READ_ONLY = {
    "",
    "healthz",
    "me/data/erased/",
    "apply/thanks/",
    "apply/status/<token:token>/data/",
    "apply/status/<token:token>/data.json",
    "privacy/",
    "activities/",
    "activities/calendar.ics",
    "activities/<int:pk>/",
    "me/calendar/<token:token>.ics",
    "certificates/<token:code>/",
    "announcements/",
    "announcements/feed.atom",
    "announcements/<int:pk>/",
    "announcements/<int:pk>/cover/",
    "announcements/cards/<str:kind>/<int:pk>/<str:language>/<str:card_format>.png",
    "activities/feed.atom",
    "resources/",
    "resources/<int:pk>/",
    "resources/<int:pk>/download/",
    # Open data: GET only; the API has its own per-client limit (tests/opendata/test_api.py).
    "open-data/",
    "open-data/<slug:key>.csv",
    "api/v1/",
    "api/v1/openapi.json",
    "api/v1/docs",
    "api/v1/activities/",
    "api/v1/announcements/",
    "api/v1/ideas-done/",
    "api/v1/statistics/",
    "api/v1/statistics/<dataset>/",
    "ideas/done/",
}
# Behind a sign-in (volunteers, staff) or allauth's own limits (settings.ACCOUNT_RATE_LIMITS).
NOT_PUBLIC = (
    "staff/",
    "me/",
    "accounts/",
    "activities/shifts/",
    "activities/signups/<int",
    "activities/tasks/",
    "ideas/",
    "report/",
    "resources/new/",
)


def address_of(form: str) -> str:
    path, _setting = PUBLIC_FORMS[form]
    if "{activity}" in path:
        activity = factories.ActivityFactory(public_registration=True, public_capacity=10)
        path = path.format(activity=activity.pk)
    return path


@pytest.mark.parametrize("form", PUBLIC_FORMS)
def test_a_public_form_answers_429_past_its_limit(form, settings):
    _path, setting = PUBLIC_FORMS[form]
    # A day's window: a window that ended between two of these posts would start counting
    # again (django-ratelimit's windows end at a moment of their own for each key).
    setattr(settings, setting, "2/d")
    url = address_of(form)
    visitor = Client(REMOTE_ADDR="85.105.1.2")

    answers = [visitor.post(url, {}).status_code for _ in range(3)]

    assert 429 not in answers[:2], answers
    assert answers[2] == 429
    refused = visitor.post(url, {})
    assert "Çok fazla deneme" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0


@pytest.mark.parametrize("form", PUBLIC_FORMS)
def test_another_address_is_counted_apart(form, settings):
    _path, setting = PUBLIC_FORMS[form]
    setattr(settings, setting, "1/h")
    url = address_of(form)
    Client(REMOTE_ADDR="85.105.1.2").post(url, {})

    assert Client(REMOTE_ADDR="176.88.4.9").post(url, {}).status_code != 429


@pytest.mark.parametrize("form", PUBLIC_FORMS)
def test_the_form_is_counted_apart_from_the_others(form, settings):
    for _path, setting in PUBLIC_FORMS.values():
        setattr(settings, setting, "1/h")
    visitor = Client(REMOTE_ADDR="85.105.1.2")
    for other in PUBLIC_FORMS:
        if other != form:
            visitor.post(address_of(other), {})

    assert visitor.post(address_of(form), {}).status_code != 429


def test_every_public_form_view_carries_its_limit():
    """The list above is every public view with a limit: a new one must be added to it."""
    limited = {
        getattr(pattern.callback, "rate_limited_form", None)
        for pattern in _all_patterns(get_resolver())
    } - {None}
    assert limited == set(PUBLIC_FORMS) | set(SIGNED_IN_FORMS)


def test_every_public_address_is_limited_read_only_or_explained():
    """A new public view must join PUBLIC_FORMS (and carry `limit_posts`) or READ_ONLY."""
    public = [route for route in routes() if not route.startswith(NOT_PUBLIC) or route in READ_ONLY]
    known = (
        {
            path.lstrip("/").replace(TOKEN, "<token:token>")
            for path, _setting in PUBLIC_FORMS.values()
        }
        | READ_ONLY
        | set(NOT_LIMITED_HERE)
    )
    unexplained = sorted(route for route in public if _as_written(route) not in known)
    assert unexplained == []


def _as_written(route: str) -> str:
    """The route as PUBLIC_FORMS writes it (the concrete parts the test fills in)."""
    return (
        route.replace("<int:pk>/register/", "{activity}/register/")
        .replace("confirm/<signed:token>/", "confirm/<token:token>/")
        .replace("unsubscribe/<str:token>/", "unsubscribe/<token:token>/")
    )


def _all_patterns(resolver):
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _all_patterns(pattern)
        else:
            yield pattern


def test_the_429_page_is_translated(settings):
    settings.APPLY_RATE_LIMIT = "1/d"  # a day's window: see above
    visitor = Client(REMOTE_ADDR="85.105.1.2")
    visitor.cookies["esit_language"] = "en"
    visitor.post("/apply/", {})

    response = visitor.post("/apply/", {})

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert '<html lang="en">' in response.content.decode()


def test_a_refused_application_stores_nothing(settings):
    settings.APPLY_RATE_LIMIT = "1/d"  # a day's window: see above
    visitor = Client(REMOTE_ADDR="85.105.1.2")
    visitor.post("/apply/", {})

    assert visitor.post("/apply/", {"first_name": "Ayşe"}).status_code == 429
    assert not Application.objects.exists()


def test_the_counters_hold_no_raw_address(settings):
    visitor = Client(REMOTE_ADDR="85.105.1.2")
    for form in PUBLIC_FORMS:
        visitor.post(address_of(form), {})

    keys = cache_keys()
    assert any("esit:rl:" in key for key in keys), keys
    assert not [key for key in keys if "85.105.1.2" in key]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the socket closes: nothing listens there


def test_a_cache_outage_lets_the_post_through_with_a_warning(settings, caplog):
    """Redis really down: the cache points at a port nobody listens on."""
    down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    settings.APPLY_RATE_LIMIT = "1/h"
    visitor = Client(REMOTE_ADDR="85.105.1.2")

    with (
        override_settings(CACHES=down),
        caplog.at_level(logging.WARNING, logger="esit.core.rate_limits"),
    ):
        answers = [visitor.post("/apply/", {}).status_code for _ in range(3)]

    assert answers == [200, 200, 200]  # the form again with its errors: no 429, no 500
    assert "Rate limit of apply not checked: the cache did not answer" in caplog.text


@pytest.mark.parametrize(
    ("rate", "expected"),
    [("20/h", (20, 3600)), ("5/10m", (5, 600)), ("1/d", (1, 86400)), ("3/30s", (3, 30))],
)
def test_rates_are_read_as_count_per_period(rate, expected):
    parsed = rate_limits.parse_rate(rate)
    assert (parsed.count, parsed.seconds) == expected


@pytest.mark.parametrize("rate", ["20", "h/20", "20/w", "-1/h", "20/xh"])
def test_a_malformed_rate_is_refused(rate):
    with pytest.raises(ValueError, match="count/period"):
        rate_limits.parse_rate(rate)


def test_sign_in_attempts_from_one_address_are_limited_by_allauth(settings, volunteer):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    visitor = Client(REMOTE_ADDR="85.105.1.2")
    data = {"login": volunteer.user.email, "password": "yanlis-parola"}

    answers = [visitor.post("/accounts/login/", data).status_code for _ in range(4)]

    assert answers == [200, 200, 200, 429]
    assert "Çok fazla deneme" in visitor.post("/accounts/login/", data).content.decode()


def test_password_reset_requests_are_limited_by_allauth(volunteer):
    """settings.ACCOUNT_RATE_LIMITS["reset_password"]: 5 an hour for one address."""
    visitor = Client(REMOTE_ADDR="85.105.1.2")
    data = {"email": volunteer.user.email}

    answers = [visitor.post("/accounts/password/reset/", data).status_code for _ in range(6)]

    assert answers == [302] * 5 + [429]
    assert "Çok fazla deneme" in visitor.post("/accounts/password/reset/", data).content.decode()


# Signed-in forms count per account (review finding I3) -------------------------------------

SIGNED_IN_PER_ACCOUNT = set(SIGNED_IN_FORMS) | {"safety_concern"}


def test_every_signed_in_form_counts_per_account():
    keys = {
        pattern.callback.rate_limited_form: pattern.callback.rate_limited_key
        for pattern in _all_patterns(get_resolver())
        if getattr(pattern.callback, "rate_limited_form", None) in SIGNED_IN_PER_ACCOUNT
    }
    assert set(keys) == SIGNED_IN_PER_ACCOUNT
    assert set(keys.values()) == {"user"}


def test_two_volunteers_behind_one_address_are_counted_apart(settings):
    settings.COMMUNITY_POST_RATE_LIMIT = "1/d"
    first, second = (Client(REMOTE_ADDR="85.105.1.2") for _ in range(2))
    first.force_login(factories.VolunteerFactory().user)
    second.force_login(factories.VolunteerFactory().user)

    first.post("/ideas/new/", {})

    assert first.post("/ideas/new/", {}).status_code == 429
    assert second.post("/ideas/new/", {}).status_code != 429


def test_anonymous_posts_do_not_use_up_a_volunteers_allowance(settings):
    settings.COMMUNITY_POST_RATE_LIMIT = "1/d"
    Client(REMOTE_ADDR="85.105.1.2").post("/ideas/new/", {})
    Client(REMOTE_ADDR="85.105.1.2").post("/ideas/new/", {})
    signed_in = Client(REMOTE_ADDR="85.105.1.2")
    signed_in.force_login(factories.VolunteerFactory().user)

    assert signed_in.post("/ideas/new/", {}).status_code != 429


def test_an_account_counter_is_a_keyed_hash_of_its_account(rf):
    request = rf.post("/ideas/new/")
    request.user = factories.UserFactory()
    other = rf.post("/ideas/new/")
    other.user = factories.UserFactory()

    key = rate_limits.account_key("idea_post", request)

    assert len(key) == 40
    assert int(key, 16) >= 0
    assert key != rate_limits.account_key("idea_post", other)
    assert key != rate_limits.address_key("idea_post", request)


def test_an_unknown_key_is_refused():
    with pytest.raises(ValueError, match="per"):
        rate_limits.limit_posts("x", key="session")
