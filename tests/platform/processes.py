"""Django in a fresh process with a chosen environment: settings are read once, at start-up."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Variables the settings read that a test must not inherit from the shell running the suite
# (or from tests/conftest.py: DJANGO_ALLOW_ASYNC_UNSAFE is for Playwright only).
CONFIGURATION = {
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_ENV",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "PORT",
    "REDIS_URL",
    "DATABASE_URL",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_USE_TLS",
    "ADDRESS_HASH_KEY",
    "FIELD_ENCRYPTION_KEYS",
    "LOOKUP_HASH_KEY",
    "TRUSTED_PROXY_COUNT",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_PRELOAD",
    "TASKS_BACKEND",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
}

PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-only-0123456789abcdef",
    "DEBUG": "false",
    "ALLOWED_HOSTS": "esit.izmir.bel.tr",
    "SITE_URL": "https://esit.izmir.bel.tr",
    "FIELD_ENCRYPTION_KEYS": "ZXNpdC10ZXN0LW9ubHktZmllbGQta2V5LTAxMjM0NTY=",
}


def run_python(*arguments: str, timeout: int = 120, **variables: str | None):
    """Run `python <arguments>` in the project with a clean configuration plus `variables`.

    A variable given as None is left unset.
    """
    environment = {key: value for key, value in os.environ.items() if key not in CONFIGURATION}
    environment.update({**variables, "DJANGO_SETTINGS_MODULE": "esit.settings"})
    environment = {key: value for key, value in environment.items() if value is not None}
    return subprocess.run(  # noqa: S603 - this interpreter with the test's own arguments
        [sys.executable, *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def setting(name: str, **variables: str | None) -> str:
    """The value of one setting in a process started with `variables`."""
    result = run_python(
        "-c",
        f"import django; django.setup(); from django.conf import settings; print(settings.{name})",
        **variables,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def script(name: str):
    """A Python script of `scripts/` as a module (they are programs, not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
