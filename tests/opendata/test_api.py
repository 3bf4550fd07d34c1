"""The API's lists and its HTTP behaviour: pagination and dates, no personal data anywhere,
caching headers and 304, CORS for reads only, the rate limit, the documentation."""

import datetime
import json

import pytest
from django.test import Client

from esit.activities.models import Participant
from esit.opendata import datasets
from esit.opendata.api.schemas import LAST_PAGE
from esit.volunteers.models import Volunteer
from tests import factories
from tests.announcements.conftest import write, write_published
from tests.opendata.conftest import istanbul

pytestmark = pytest.mark.django_db


def every_answer(client) -> str:
    """Every list and every table of the API, decoded and written again without escapes (so
    "Şükran" is searched as Şükran, not \\u015e\u00fckran)."""
    paths = [
        "/api/v1/activities/",
        "/api/v1/announcements/",
        "/api/v1/ideas-done/",
        "/api/v1/statistics/",
    ]
    paths += [f"/api/v1/statistics/{key}/?start=2026-02&end=2026-04" for key in datasets.KEYS]
    answers = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        answers.append(json.dumps(response.json(), ensure_ascii=False))
    return "\n".join(answers)


def test_no_personal_detail_of_anyone_appears_in_any_answer(client, city):
    shift = factories.ShiftFactory(activity=city.workshop)
    factories.SignUpFactory(shift=shift, volunteer=city.women[0])
    text = every_answer(client)
    assert "Konak" in text  # the search reads the answers
    details = []
    for volunteer in Volunteer.objects.select_related("user"):
        details += [
            volunteer.user.email,
            f"{volunteer.first_name} {volunteer.last_name}",
            volunteer.last_name,
            volunteer.phone,
            volunteer.checkin_code,
        ]
    for participant in Participant.objects.all():
        details += [participant.email, participant.name, participant.phone]
    assert len(details) > 80
    for detail in details:
        assert detail not in text


def test_activities_list_public_ones_with_their_shifts_areas_and_goals(client, city):
    factories.ShiftFactory(
        activity=city.workshop,
        starts_at=istanbul(2026, 3, 10, 10),
        ends_at=istanbul(2026, 3, 10, 13),
    )
    data = client.get("/api/v1/activities/").json()
    assert data["count"] == 2  # the draft and the cancelled one are not public
    workshop = next(item for item in data["items"] if item["id"] == city.workshop.pk)
    assert workshop["district"]["code"] == "konak"
    assert workshop["online"] is False
    assert [area["code"] for area in workshop["areas"]] == ["workshops"]
    assert [goal["plan_area"] for goal in workshop["plan_goals"]] == ["violence"]
    assert workshop["shifts"] == [
        {"starts_at": "2026-03-10T07:00:00Z", "ends_at": "2026-03-10T10:00:00Z"}
    ]
    assert workshop["url"] == f"/activities/{city.workshop.pk}/"


def test_activities_are_paginated_and_filtered_by_days(client, db):
    for day in range(1, 26):
        factories.ActivityFactory(
            starts_at=istanbul(2026, 5, day, 10), ends_at=istanbul(2026, 5, day, 12)
        )
    first = client.get("/api/v1/activities/").json()
    assert first["count"] == 25
    assert len(first["items"]) == 20
    second = client.get("/api/v1/activities/", {"page": 2}).json()
    assert len(second["items"]) == 5
    assert {item["id"] for item in first["items"]}.isdisjoint(
        item["id"] for item in second["items"]
    )
    between = client.get("/api/v1/activities/", {"start": "2026-05-10", "end": "2026-05-12"})
    starts = [item["starts_at"][:10] for item in between.json()["items"]]
    # 10 May 10:00 in İzmir is 07:00 UTC the same day.
    assert starts == ["2026-05-10", "2026-05-11", "2026-05-12"]


@pytest.mark.parametrize(
    "path", ["/api/v1/activities/", "/api/v1/announcements/", "/api/v1/ideas-done/"]
)
def test_a_page_past_the_end_is_empty_and_a_number_past_the_ceiling_is_refused(client, db, path):
    # Found by schemathesis: a page number whose offset no database integer holds was a 500.
    assert client.get(path, {"page": LAST_PAGE}).json()["items"] == []
    for asked in ({"page": LAST_PAGE + 1}, {"page": 10**20}, {"page_size": 10**20}):
        refused = client.get(path, asked)
        assert refused.status_code == 422, asked
        assert refused["Content-Type"].startswith("application/json")


def test_announcements_list_only_published_ones_for_the_public(client, db):
    coordinator = factories.StaffFactory(role="coordinator")
    public = write_published(coordinator, title_tr="Herkese açık buluşma")
    write_published(coordinator, title_tr="Yalnızca gönüllülere", audience="volunteers")
    write(coordinator, title_tr="Taslak")
    data = client.get("/api/v1/announcements/").json()
    assert [item["title_tr"] for item in data["items"]] == ["Herkese açık buluşma"]
    assert data["items"][0]["url"] == f"/announcements/{public.pk}/"
    assert data["items"][0]["body_tr"] == "Bu **cumartesi** Konak'ta buluşuyoruz."
    today = datetime.date.today()
    tomorrow = today + datetime.timedelta(days=2)
    later = client.get("/api/v1/announcements/", {"start": tomorrow.isoformat()}).json()
    assert later["count"] == 0


def test_answers_may_be_kept_and_a_second_read_gets_304(client, city, settings):
    settings.OPEN_DATA_CACHE_SECONDS = 120
    for path in ("/api/v1/statistics/hours-by-district/", "/api/v1/activities/"):
        first = client.get(path)
        assert first.status_code == 200
        assert first["Cache-Control"] == "public, max-age=120"
        assert first["ETag"]
        again = client.get(path, headers={"if-none-match": first["ETag"]})
        assert again.status_code == 304
        assert again.content == b""


def test_a_table_is_computed_once_for_a_while_and_says_when(client, city):
    first = client.get("/api/v1/statistics/hours-by-district/").json()
    factories.HoursEntryFactory(status="approved")  # counted only when the cache expires
    again = client.get("/api/v1/statistics/hours-by-district/").json()
    assert again == first
    computed = datetime.datetime.fromisoformat(first["computed_at"])
    assert computed.tzinfo is not None


def test_any_web_page_may_read_the_api_but_nothing_else(client, city):
    read = client.get("/api/v1/statistics/", headers={"origin": "https://example.org"})
    assert read["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in read["Access-Control-Expose-Headers"]
    head = client.head("/api/v1/activities/")
    assert head["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/activities/",
        headers={"origin": "https://example.org", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert preflight["Access-Control-Allow-Origin"] == "*"
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v1/activities/")
        assert response.status_code == 405
        assert not response.has_header("Access-Control-Allow-Origin"), method
    # The site's own pages are not opened to other origins.
    assert not client.get("/open-data/").has_header("Access-Control-Allow-Origin")


def test_a_client_over_the_limit_gets_a_429_in_json(settings, city):
    settings.OPEN_DATA_RATE_LIMIT = "3/d"
    first, other = Client(REMOTE_ADDR="10.0.0.1"), Client(REMOTE_ADDR="10.0.0.2")
    for path in ("/api/v1/activities/", "/api/v1/statistics/", "/api/v1/announcements/"):
        assert first.get(path).status_code == 200
    refused = first.get("/api/v1/statistics/hours-by-district/")
    assert refused.status_code == 429
    assert refused.json() == {"detail": "Çok fazla istek gönderildi; biraz sonra yeniden deneyin."}
    assert int(refused["Retry-After"]) > 0
    assert other.get("/api/v1/statistics/hours-by-district/").status_code == 200


def test_the_api_sets_no_cookie(client, city):
    for path in ("/api/v1/activities/", "/api/v1/statistics/volunteers-by-gender/"):
        assert not client.get(path).cookies


def test_the_documentation_is_served_from_our_own_files(client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert set(paths) == {
        "/api/v1/activities/",
        "/api/v1/announcements/",
        "/api/v1/ideas-done/",
        "/api/v1/statistics/",
        "/api/v1/statistics/{dataset}/",
    }
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    policy = docs["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-eval" not in policy
