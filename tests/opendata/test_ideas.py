"""/api/v1/ideas-done/: the ideas that became activities which happened, with the activity's
dates, place, area, plan goals and hours; never a person; paginated and filtered by days."""

import datetime
import json

import pytest

from esit.community.models import Idea
from tests import factories
from tests.opendata.conftest import hours, istanbul

pytestmark = pytest.mark.django_db
IDEAS = "/api/v1/ideas-done/"


def test_only_ideas_whose_activity_happened_are_listed(client, city):
    data = client.get(IDEAS).json()
    assert data["count"] == 1
    (talk,) = data["items"]
    assert talk["title"] == "Babalar için eşitlik söyleşisi"
    assert talk["activity"]["id"] == city.talk.pk
    assert talk["activity"]["url"] == f"/activities/{city.talk.pk}/"
    assert talk["activity"]["status"] == "completed"
    assert talk["activity"]["starts_at"] == "2026-03-20T07:00:00Z"  # 10:00 in İzmir
    assert talk["district"]["code"] == "bornova"
    assert talk["online"] is False
    assert talk["area"]["code"] == "workshops"
    assert talk["plan_goals"] == []
    # Six men worked 3 h each in March, 2 h more in April outside the activity.
    assert talk["approved_hours"] == 18
    assert talk["approved_hours_suppressed"] is False


def test_a_published_activity_counts_once_a_shift_is_over(client, city):
    factories.ShiftFactory(
        activity=city.workshop,
        starts_at=istanbul(2026, 3, 10, 10),
        ends_at=istanbul(2026, 3, 10, 13),
    )
    items = client.get(IDEAS).json()["items"]
    # The latest activity first: the talk (20 March), then the workshop (10 March).
    assert [item["title"] for item in items] == [
        "Babalar için eşitlik söyleşisi",
        "Şiddet atölyesi",
    ]
    workshop = items[1]
    assert [goal["plan_area"] for goal in workshop["plan_goals"]] == ["violence"]
    assert workshop["approved_hours"] == 14  # seven women, 2 h each


def test_hours_worked_by_fewer_than_five_volunteers_are_hidden(client, city):
    activity = factories.ActivityFactory(
        status="completed", starts_at=istanbul(2026, 4, 2, 10), ends_at=istanbul(2026, 4, 2, 12)
    )
    Idea.objects.create(
        title="Kadın kooperatifi pazarı", body="…", area=factories.area(), activity=activity
    )
    for man in city.men[:2]:
        hours(man, day=datetime.date(2026, 4, 2), amount=2, area="workshops", activity=activity)
    item = client.get(IDEAS).json()["items"][0]
    assert item["title"] == "Kadın kooperatifi pazarı"
    assert item["approved_hours"] is None
    assert item["approved_hours_suppressed"] is True


def test_hidden_ideas_and_drafts_are_not_listed(client, city):
    idea = Idea.objects.get(activity=city.talk)
    idea.hidden_at = city.talk.starts_at
    idea.save(update_fields=["hidden_at"])
    draft = factories.ActivityFactory(
        status="draft", starts_at=istanbul(2026, 3, 1, 10), ends_at=istanbul(2026, 3, 1, 12)
    )
    Idea.objects.create(title="Taslak", body="…", area=factories.area(), activity=draft)
    assert client.get(IDEAS).json()["count"] == 0


def test_no_author_or_name_appears(client, city):
    text = json.dumps(client.get(IDEAS).json(), ensure_ascii=False)
    author = city.women[0]
    for detail in (author.first_name, author.last_name, author.user.email):
        assert detail not in text
    assert "author" not in text


def test_paginated_and_filtered_by_the_activitys_days(client, db):
    for day in range(1, 26):
        activity = factories.ActivityFactory(
            status="completed",
            starts_at=istanbul(2026, 5, day, 10),
            ends_at=istanbul(2026, 5, day, 12),
        )
        Idea.objects.create(
            title=f"Fikir {day}", body="…", area=factories.area(), activity=activity
        )
    first = client.get(IDEAS).json()
    assert first["count"] == 25
    assert len(first["items"]) == 20
    assert len(client.get(IDEAS, {"page": 2}).json()["items"]) == 5
    between = client.get(IDEAS, {"start": "2026-05-10", "end": "2026-05-12"}).json()
    assert [item["title"] for item in between["items"]] == ["Fikir 12", "Fikir 11", "Fikir 10"]
    assert client.get(IDEAS, {"start": "1990-01-01"}).status_code == 422


def test_the_open_data_page_mentions_it(client, db):
    text = client.get("/open-data/").content.decode()
    assert 'href="/api/v1/ideas-done/"' in text
    assert 'href="/ideas/done/"' in text
