"""`DJANGO_ENV=production` refuses unsafe settings (DESIGN.md §4): each case in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAFE = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-only-0123456789abcdef",
    "DEBUG": "false",
    "ALLOWED_HOSTS": "esit.izmir.bel.tr",
    "SITE_URL": "https://esit.izmir.bel.tr",
}


def start_django(**overrides):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ENV", "SITE_URL"}
    }
    environment.update({**SAFE, **overrides, "DJANGO_SETTINGS_MODULE": "esit.settings"})
    environment = {key: value for key, value in environment.items() if value is not None}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


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
    result = start_django(
        DJANGO_ENV=None, SECRET_KEY=None, DEBUG=None, ALLOWED_HOSTS=None, SITE_URL=None
    )

    assert result.returncode == 0, result.stderr
