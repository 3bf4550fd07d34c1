"""`DJANGO_ENV=production manage.py check --deploy` passes clean in every supported
configuration: SQLite or PostgreSQL, with Redis or without it, S3 storage on or off.

Every command (migrate, the task worker, send_shift_reminders) runs the same system checks
first: a production error there used to stop all of them (a rate-limit check without
Redis), so no confirmation, invitation or reminder was ever sent. Each case runs in a fresh
process, as a deployment starts.
"""

import pytest

from tests.platform.processes import PRODUCTION, run_python

POSTGRESQL = "postgres://esit@db.internal:5432/esit"
WITHOUT_REDIS = {**PRODUCTION, "REDIS_URL": None}
WITH_REDIS = {**PRODUCTION, "REDIS_URL": "redis://redis.internal:6379/0"}  # never contacted
CONFIGURATIONS = {
    "without Redis": WITHOUT_REDIS,
    "with Redis": WITH_REDIS,
    "behind one proxy": {**WITH_REDIS, "TRUSTED_PROXY_COUNT": "1"},
    "behind a proxy that redirects to https": {
        **WITHOUT_REDIS,
        "TRUSTED_PROXY_COUNT": "1",
        "SECURE_SSL_REDIRECT": "false",
    },
    # Never contacted either: the checks read the settings, not the servers.
    "PostgreSQL without Redis": {**WITHOUT_REDIS, "DATABASE_URL": POSTGRESQL},
    "PostgreSQL with Redis and the RQ task queue": {
        **WITH_REDIS,
        "DATABASE_URL": POSTGRESQL,
        "TASKS_BACKEND": "rq",
    },
    "S3 storage": {
        **WITH_REDIS,
        "DATABASE_URL": POSTGRESQL,
        "AWS_STORAGE_BUCKET_NAME": "esit-files",
        "AWS_S3_ENDPOINT_URL": "https://s3.izmir.bel.tr",
        "AWS_S3_REGION_NAME": "tr-izmir-1",
        "AWS_ACCESS_KEY_ID": "test-only",
        "AWS_SECRET_ACCESS_KEY": "test-only",
    },
    "S3 storage without Redis": {
        **WITHOUT_REDIS,
        "AWS_STORAGE_BUCKET_NAME": "esit-files",
        "AWS_S3_ENDPOINT_URL": "https://s3.izmir.bel.tr",
    },
    "SMTP with TLS": {
        **WITHOUT_REDIS,
        "EMAIL_HOST": "smtp.izmir.bel.tr",
        "EMAIL_PORT": "587",
        "EMAIL_USE_TLS": "true",
    },
}


def manage(*arguments: str, **variables):
    return run_python("manage.py", *arguments, **variables)


def assert_clean(result):
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr + result.stdout
    assert "ERRORS" not in result.stderr + result.stdout


@pytest.mark.parametrize("configuration", CONFIGURATIONS.values(), ids=CONFIGURATIONS.keys())
def test_check_deploy_reports_no_warning_and_no_error(configuration):
    assert_clean(manage("check", "--deploy", "--fail-level", "WARNING", **configuration))


@pytest.mark.parametrize("configuration", CONFIGURATIONS.values(), ids=CONFIGURATIONS.keys())
def test_the_checks_every_command_runs_pass(configuration):
    assert_clean(manage("check", "--fail-level", "WARNING", **configuration))


@pytest.fixture
def production_database(tmp_path):
    """Production without Redis, on a database of its own, migrated with its cache table."""
    configuration = {**WITHOUT_REDIS, "DATABASE_URL": f"sqlite:///{tmp_path / 'esit.sqlite3'}"}
    for command in (("migrate", "--no-input"), ("createcachetable",)):
        result = manage(*command, "-v", "0", **configuration)
        assert result.returncode == 0, result.stderr
    return configuration


def test_the_task_worker_starts_without_redis(production_database):
    result = manage("db_worker", "--batch", "--no-startup-delay", "-v", "0", **production_database)

    assert result.returncode == 0, result.stderr


def test_shift_reminders_run_without_redis(production_database):
    result = manage("send_shift_reminders", **production_database)

    assert result.returncode == 0, result.stderr
