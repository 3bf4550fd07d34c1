"""Fixtures for the platform tests."""

import logging
import socket
from contextlib import contextmanager

import pytest
from django.db import connection


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the socket closes: nothing listens there


@pytest.fixture
def outage(live_db, tmp_path, caplog):
    """A switch: `with outage():` the database is unreachable, for real.

    The connection is pointed at a port nobody listens on (PostgreSQL) or at a file that
    cannot be opened (SQLite), so the driver itself fails: no mock stands in for it.
    """
    # Django logs every 503 as an error, as it should in production; here it is expected.
    caplog.set_level(logging.CRITICAL, logger="django.request")
    working = dict(connection.settings_dict)

    @contextmanager
    def database_down():
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = str(tmp_path / "no-such-folder" / "db.sqlite3")
        else:
            connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(working)

    return database_down
