"""`DJANGO_ENV=production` refuses unsafe settings: each case in a fresh process."""

import pytest

from tests.platform.processes import PRODUCTION, run_python


def start_django(**overrides):
    return run_python("-c", "import django; django.setup()", **{**PRODUCTION, **overrides})


def test_starts_with_a_secret_key_debug_off_and_allowed_hosts():
    result = start_django()

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": ""}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "too-short"}, "SECRET_KEY is shorter than 50 characters"),
        ({"SITE_URL": None}, "SITE_URL must be the public https:// address"),
        ({"SITE_URL": None, "PORT": "8010"}, "SITE_URL must be the public https:// address"),
        ({"SITE_URL": "http://esit.izmir.bel.tr"}, "SITE_URL must be the public https:// address"),
        ({"DEBUG": "true"}, "DEBUG is on"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS is empty"),
        ({"ALLOWED_HOSTS": " , "}, "ALLOWED_HOSTS is empty"),
    ],
)
def test_refuses_to_start_with_an_unsafe_setting(overrides, reason):
    result = start_django(**overrides)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert reason in result.stderr


def test_development_starts_without_any_setting():
    result = run_python("-c", "import django; django.setup()")

    assert result.returncode == 0, result.stderr
