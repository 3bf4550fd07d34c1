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


def test_healthz_says_when_the_database_is_down(client, outage):
    with outage():
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
