"""The staff directory keeps its results rendered per scope, language and query, and anything
a row shows or is filtered by changes them at once: a volunteer's record and status, her
areas and languages, her account's e-mail, and her work as activities records it (hours,
a first attendance)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.activities.models import SignUp
from esit.volunteers import services
from tests import factories
from tests.accounts.test_scope import scoped

from .conftest import LIST, listed, make_volunteer

pytestmark = pytest.mark.django_db


def table(client, **query) -> str:
    html = client.get(LIST, query).content.decode()
    return html[html.index("<tbody>") : html.index("</tbody>")]


def volunteer_queries(queries) -> list[dict]:
    """The directory's queries: not the layout's look at the reader's own profile."""
    return [
        q
        for q in queries.captured_queries
        if 'FROM "volunteers_volunteer"' in q["sql"]
        and 'WHERE "volunteers_volunteer"."user_id" =' not in q["sql"]
    ]


def test_a_second_reading_does_not_read_the_volunteers_again(coordinator_client):
    ayse = make_volunteer()
    coordinator_client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        again = coordinator_client.get(LIST)
    assert listed(again) == [ayse.pk]
    assert volunteer_queries(queries) == []


def test_a_pause_shows_at_once(coordinator_client, coordinator):
    ayse = make_volunteer()
    assert listed(coordinator_client.get(LIST, {"status": "active"})) == [ayse.pk]
    services.pause_volunteer(volunteer=ayse, by=coordinator)
    assert listed(coordinator_client.get(LIST, {"status": "active"})) == []
    assert listed(coordinator_client.get(LIST, {"status": "paused"})) == [ayse.pk]


def test_new_areas_languages_and_e_mail_each_show_at_once(coordinator_client):
    ayse = make_volunteer()
    field, arabic = factories.area("field-research"), factories.language("ar")
    assert field.name_tr not in table(coordinator_client)
    ayse.areas.add(field)
    assert field.name_tr in table(coordinator_client)
    ayse.languages.create(language=arabic, level="fluent")
    assert arabic.name_tr in table(coordinator_client)
    ayse.user.email = "ayse.yeni@example.org"
    ayse.user.save(update_fields=["email"])
    assert "ayse.yeni@example.org" in table(coordinator_client)


def test_her_first_attendance_and_her_hours_each_show_at_once(coordinator_client):
    ayse = make_volunteer()
    signup = factories.SignUpFactory(volunteer=ayse)
    assert "İlk kez" in table(coordinator_client)
    signup.attendance = SignUp.Attendance.ATTENDED
    signup.save(update_fields=["attendance"])
    assert "İlk kez" not in table(coordinator_client)
    factories.HoursEntryFactory(
        volunteer=ayse,
        hours=7,
        status="approved",
        date=timezone.localdate() - datetime.timedelta(days=2),
    )
    assert "<td>7</td>" in table(coordinator_client)


def test_coordinators_of_different_scopes_do_not_share_a_copy(client, coordinator_client):
    ceviri = make_volunteer("Çeviri", "Kişi", areas=[factories.area("translation")])
    saha = make_volunteer("Saha", "Kişi", areas=[factories.area("field-research")])
    assert sorted(listed(coordinator_client.get(LIST))) == sorted([ceviri.pk, saha.pk])
    client.force_login(scoped(factories.StaffFactory(), areas=["translation"]))
    assert listed(client.get(LIST)) == [ceviri.pk]
