"""iCalendar feeds: the public feed of activities and each volunteer's private feed of shifts."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from esit.activities.models import Activity
from tests import factories
from tests.factories import in_days

pytestmark = pytest.mark.django_db

FEED_URL = "/activities/calendar.ics"


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def by_summary(response) -> dict:
    return {str(event["SUMMARY"]): event for event in events(response)}


def private_feed(volunteer) -> str:
    return f"/me/calendar/{volunteer.calendar_token}.ics"


def test_the_public_feed_parses_and_lists_published_upcoming_activities(client):
    factories.ActivityFactory(title_tr="Yayında")
    factories.ActivityFactory(title_tr="Taslak", status="draft")
    assert list(by_summary(client.get(FEED_URL))) == ["Yayında"]


def test_an_event_uid_is_the_activitys_uid(client):
    activity = factories.ActivityFactory()
    (event,) = events(client.get(FEED_URL))
    assert str(event["UID"]) == f"{activity.uid}@esit-izmir"


def test_the_uid_stays_when_the_title_and_time_are_edited(client):
    activity = factories.ActivityFactory(title_tr="Eski başlık")
    (before,) = events(client.get(FEED_URL))
    activity.title_tr = "Yeni başlık"
    activity.starts_at += datetime.timedelta(hours=2)
    activity.ends_at += datetime.timedelta(hours=2)
    activity.save()
    (after,) = events(client.get(FEED_URL))
    assert str(after["SUMMARY"]) == "Yeni başlık"
    assert str(after["UID"]) == str(before["UID"])
    assert after["SEQUENCE"] >= before["SEQUENCE"]
    assert after.decoded("DTSTART") == before.decoded("DTSTART") + datetime.timedelta(hours=2)


def test_an_edit_raises_the_sequence_and_last_modified(client):
    activity = factories.ActivityFactory()
    Activity.objects.filter(pk=activity.pk).update(
        updated_at=activity.created_at + datetime.timedelta(minutes=5)
    )
    (event,) = events(client.get(FEED_URL))
    assert event["SEQUENCE"] == 300
    assert event.decoded("LAST-MODIFIED") == activity.created_at.replace(
        microsecond=0
    ) + datetime.timedelta(minutes=5)


def test_times_carry_the_istanbul_time_zone(client):
    factories.ActivityFactory(starts_at=in_days(4, 14), ends_at=in_days(4, 17))
    response = client.get(FEED_URL)
    (event,) = events(response)
    assert event["DTSTART"].params["TZID"] == "Europe/Istanbul"
    assert event.decoded("DTSTART").hour == 14
    assert event.decoded("DTSTART") == in_days(4, 14)
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Istanbul"]


def test_a_cancelled_activity_stays_in_the_feed_as_cancelled(client):
    factories.ActivityFactory(title_tr="İptal", status="cancelled")
    assert str(by_summary(client.get(FEED_URL))["İptal"]["STATUS"]) == "CANCELLED"


def test_a_long_cancelled_activity_leaves_the_feed(client):
    activity = factories.ActivityFactory(status="cancelled")
    Activity.objects.filter(pk=activity.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=45)
    )
    assert events(client.get(FEED_URL)) == []


def test_an_event_links_to_its_page_and_place(client):
    activity = factories.ActivityFactory(address="Kültürpark")
    (event,) = events(client.get(FEED_URL))
    assert str(event["URL"]) == f"http://testserver/activities/{activity.pk}/"
    assert str(event["LOCATION"]) == "Kültürpark, Konak"


def test_the_private_feed_shows_only_that_volunteers_shifts(client, volunteer):
    mine = factories.SignUpFactory(
        volunteer=volunteer, shift__activity=factories.ActivityFactory(title_tr="Benim")
    )
    factories.SignUpFactory(shift__activity=factories.ActivityFactory(title_tr="Başkasının"))
    (event,) = events(client.get(private_feed(volunteer)))
    assert str(event["SUMMARY"]) == "Benim"
    assert str(event["UID"]) == f"shift-{mine.shift.pk}-signup-{mine.pk}@esit-izmir"
    assert event["DTSTART"].params["TZID"] == "Europe/Istanbul"


def test_the_private_feed_marks_pending_tentative_and_leaves_out_waitlisted(client, volunteer):
    factories.SignUpFactory(
        volunteer=volunteer,
        status="pending",
        shift__activity=factories.ActivityFactory(title_tr="Onay bekleyen"),
    )
    factories.SignUpFactory(
        volunteer=volunteer,
        status="waitlisted",
        shift__activity=factories.ActivityFactory(title_tr="Bekleme listesi"),
    )
    feed = by_summary(client.get(private_feed(volunteer)))
    assert list(feed) == ["Onay bekleyen"]
    assert str(feed["Onay bekleyen"]["STATUS"]) == "TENTATIVE"


def test_a_cancelled_sign_up_shows_as_cancelled_in_the_private_feed(client, volunteer):
    factories.SignUpFactory(volunteer=volunteer, status="cancelled", cancelled_at=timezone.now())
    (event,) = events(client.get(private_feed(volunteer)))
    assert str(event["STATUS"]) == "CANCELLED"


def test_the_private_feed_needs_no_sign_in_but_is_private(client, volunteer):
    response = client.get(private_feed(volunteer))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_token_is_not_found(client):
    assert client.get("/me/calendar/tahmin-edilen.ics").status_code == 404


def test_the_calendar_page_shows_the_subscribe_address(volunteer_client, volunteer):
    body = volunteer_client.get("/me/calendar/").content.decode()
    assert f"http://testserver/me/calendar/{volunteer.calendar_token}.ics" in body
    assert f"webcal://testserver/me/calendar/{volunteer.calendar_token}.ics" in body


def test_the_calendar_page_needs_sign_in(client):
    response = client.get("/me/calendar/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_resetting_the_token_makes_the_old_address_not_found(volunteer_client, volunteer):
    old = private_feed(volunteer)
    response = volunteer_client.post("/me/calendar/reset/", {"confirmed": "yes"})
    assert response.status_code == 302
    assert response["Location"] == "/me/calendar/"
    volunteer.refresh_from_db()
    assert volunteer_client.get(old).status_code == 404
    assert volunteer_client.get(private_feed(volunteer)).status_code == 200


def test_the_reset_is_a_post_only(volunteer_client, volunteer):
    token = volunteer.calendar_token
    assert volunteer_client.get("/me/calendar/reset/").status_code == 405
    volunteer.refresh_from_db()
    assert volunteer.calendar_token == token


@pytest.mark.parametrize("count", [1, 8])
def test_the_public_feed_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    factories.ActivityFactory.create_batch(count)
    with django_assert_num_queries(1):
        client.get(FEED_URL)


@pytest.mark.parametrize("count", [1, 8])
def test_the_private_feed_runs_a_fixed_number_of_queries(
    client, volunteer, django_assert_num_queries, count
):
    factories.SignUpFactory.create_batch(count, volunteer=volunteer)
    with django_assert_num_queries(2):
        client.get(private_feed(volunteer))
