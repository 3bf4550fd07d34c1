"""Test-suite guards and personas shared by every test (docs/architecture.md, "Tests").

Guards, after ephios: a test fails on any logged error, on a template that
prints an unknown variable, and on a naive datetime (pyproject turns that
RuntimeWarning into an error).
"""

import importlib
import logging
import os
import time
import uuid

import pytest
from django.core.cache import cache
from django.utils import translation

from tests import factories

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the ORM inside sync Playwright tests

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class InvalidTemplateVariable(str):
    """`string_if_invalid` that fails the test when a template prints a missing variable."""

    # Third-party templates that read a missing variable on purpose (allauth's MFA overview
    # before recovery codes exist). Our own templates get no such pass.
    ALLOWED = frozenset(
        {
            "authenticators.recovery_codes.generate_codes",
            "authenticators.recovery_codes.get_unused_codes",
        }
    )

    def __mod__(self, other):
        if str(getattr(other, "var", other)) in self.ALLOWED:
            return ""
        raise AssertionError(f"Template printed an unknown variable: {other!r}")


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = "http://testserver"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Sessions in the database on every pass, so pinned query counts mean the same with Redis.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.TEMPLATES = [
        {
            **template,
            "OPTIONS": {**template["OPTIONS"], "string_if_invalid": InvalidTemplateVariable("%s")},
        }
        for template in settings.TEMPLATES
    ]


@pytest.fixture(autouse=True)
def _turkish_outside_requests():
    """Each test starts in Turkish: the locale middleware leaves the last request's language
    active on the thread, and a test calling services directly must not inherit it."""
    translation.activate("tr")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _force_login_is_a_complete_sign_in(monkeypatch):
    """`client.force_login(user)` stands for a finished sign-in, second factor included.

    The staff gate asks for proof in the session that the second factor was
    used (allauth's authentication records); a real sign-in writes it, so a
    forced one does too when the user has an authenticator. Tests of the gate
    itself sign in through the real pages instead.
    """
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY as AUTHENTICATED_USER_KEY,
    )
    from allauth.mfa.utils import is_mfa_enabled
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if is_mfa_enabled(user):
            session = self.session
            session[AUTHENTICATION_METHODS_SESSION_KEY] = [
                {"method": "password", "at": time.time(), "email": user.email},
                {"method": "mfa", "at": time.time(), "type": "totp"},
            ]
            session[AUTHENTICATED_USER_KEY] = str(user.pk)  # the user those records belong to
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Rate limits and allauth's counters live in the cache: each test starts clean.

    On Redis (the PostgreSQL pass of .ci/run) every xdist worker shares one Redis database,
    and `cache.clear()` is FLUSHDB: one worker's clear would wipe the counters of a test
    running on the other. There each test gets a key prefix of its own instead, which is an
    empty cache without touching anybody else's keys (they expire with their timeouts).
    """
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        settings.CACHES = {
            "default": {**settings.CACHES["default"], "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
        }
        yield
        return
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fail_on_logged_errors(caplog):
    caplog.set_level(logging.WARNING)
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert not errors, "A test logged errors: " + "; ".join(r.getMessage() for r in errors)


# The data migrations that load rows every page needs (groups, İzmir's lists, KVKK texts).
DATA_MIGRATIONS = [
    ("esit.reference.migrations.0002_load_izmir_reference_data", "load"),
    ("esit.reference.migrations.0004_load_izmir_equality_plan", "load"),
    ("esit.accounts.migrations.0002_create_role_groups", "create_groups"),
    ("esit.privacy.migrations.0002_publish_first_notices", "publish"),
    ("esit.activities.migrations.0002_load_activity_kinds", "load"),
    ("esit.activities.migrations.0003_grant_activity_kind_permissions", "grant"),
    ("esit.reference.migrations.0005_grant_equality_plan_permissions", "grant"),
]


@pytest.fixture
def live_db(transactional_db):
    """A really committing database, for browser and concurrency tests.

    Transactional tests end with a flush that empties every table, so each one
    starts by running the (idempotent) data migrations again. Django's
    serialized rollback cannot do this reliably here: Playwright's event loop
    may give the test a connection object without the serialized rows.
    """
    from django.apps import apps

    from esit.accounts import capabilities

    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)
    # What `migrate` does after the migrations: the capabilities' default role grants.
    capabilities.apply_default_grants()


@pytest.fixture
def site(live_server, live_db, settings):
    """The live server's address, also used for links in e-mails sent during the test."""
    settings.SITE_URL = live_server.url
    return live_server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Use as `with run_on_commit(): ...` so e-mails enqueued on commit are sent in the test."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# Personas ---------------------------------------------------------------


@pytest.fixture
def volunteer(db):
    return factories.VolunteerFactory()


@pytest.fixture
def coordinator(db):
    return factories.StaffFactory(role="coordinator")


@pytest.fixture
def administrator(db):
    return factories.StaffFactory(role="administrator")


@pytest.fixture
def coordinator_without_two_factor(db):
    return factories.StaffFactory(role="coordinator", two_factor=False)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def volunteer_client(client, volunteer):
    client.force_login(volunteer.user)
    return client
