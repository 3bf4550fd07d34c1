import logging

import pytest


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"


def test_healthz_is_never_cached(client, db):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_says_when_the_database_is_down(client, monkeypatch, caplog):
    from django.db import connection

    # Django logs every 503 as an error; here it is the expected answer.
    caplog.set_level(logging.CRITICAL, logger="django.request")

    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("server closed the connection")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
