"""Production answers name no server version: gunicorn as docs/operations.md runs it, in
production settings, on loopback. A version in `Server` tells an attacker which published
flaws to try; gunicorn 20 and later send its name only, and the test holds whatever
version a deployment installs."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .processes import CONFIGURATION, PRODUCTION, ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if key not in CONFIGURATION}
    environment.update(
        {
            **PRODUCTION,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'esit.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "esit.settings",
        }
    )
    server = subprocess.Popen(  # noqa: S603 - the project's gunicorn, loopback only
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "esit.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_gunicorn_names_no_version(gunicorn):
    connection = http.client.HTTPConnection("127.0.0.1", gunicorn, timeout=30)
    connection.request("GET", "/healthz")
    response = connection.getresponse()
    response.read()

    assert response.status == 200
    server = response.getheader("Server", "")
    assert not re.search(r"[/\d]", server), server
    assert response.getheader("X-Powered-By") is None
