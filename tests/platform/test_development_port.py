"""`make run PORT=8010` serves on that port, and e-mailed links follow it (README, Quick start)."""

import subprocess

import pytest

from tests.platform.processes import ROOT, run_python, setting


def test_site_url_defaults_to_port_8000():
    assert setting("SITE_URL") == "http://127.0.0.1:8000"


def test_site_url_follows_the_port_in_development():
    assert setting("SITE_URL", PORT="8010") == "http://127.0.0.1:8010"


def test_a_configured_site_url_wins_over_the_port():
    assert setting("SITE_URL", PORT="8010", SITE_URL="http://esit.local:9000/") == (
        "http://esit.local:9000"
    )


@pytest.mark.parametrize("port", ["http", "0", "70000", "٨٠١٠"])
def test_a_port_that_is_not_a_port_number_is_refused(port):
    result = run_python("-c", "import django; django.setup()", PORT=port)

    assert result.returncode != 0
    assert "PORT must be a port number" in result.stderr


def make_run_commands(*arguments: str) -> str:
    """What `make run` would execute (make -n prints the commands without running them)."""
    result = subprocess.run(  # noqa: S603 - make with fixed arguments
        ["make", "-n", "run", *arguments],  # noqa: S607 - make from PATH, as a developer runs it
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_run_serves_on_port_8000_by_default():
    commands = make_run_commands()

    assert "runserver 127.0.0.1:8000" in commands


def test_make_run_serves_web_and_worker_with_the_chosen_port():
    commands = make_run_commands("PORT=8010")

    assert "runserver 127.0.0.1:8010" in commands
    assert "export PORT=8010" in commands  # the worker, which sends the e-mails, sees it too
    assert "http://127.0.0.1:8010" in commands
