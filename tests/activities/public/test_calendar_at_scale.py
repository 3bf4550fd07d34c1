"""The calendar feeds at city scale: a bounded window of short events, built once and cached
until an activity, a shift or a sign-up changes, and answered with 304 to a calendar app that
already has them (docs/performance.md)."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from esit.activities.models import Activity
from esit.activities.services import signups
from tests import factories
from tests.factories import in_days

pytestmark = pytest.mark.django_db

FEED_URL = "/activities/calendar.ics"


def private_feed(volunteer) -> str:
    return f"/me/calendar/{volunteer.calendar_token}.ics"


def summaries(response) -> list[str]:
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def test_activities_beyond_the_window_are_left_out(client, settings):
    settings.CALENDAR_FEED_PAST_DAYS = 30
    settings.CALENDAR_FEED_FUTURE_DAYS = 365
    factories.ActivityFactory(
        title_tr="Geçen hafta", starts_at=in_days(-7, 10), ends_at=in_days(-7, 12)
    )
    factories.ActivityFactory(
        title_tr="İki ay önce", starts_at=in_days(-60, 10), ends_at=in_days(-60, 12)
    )
    factories.ActivityFactory(
        title_tr="Gelecek ay", starts_at=in_days(30, 10), ends_at=in_days(30, 12)
    )
    factories.ActivityFactory(
        title_tr="İki yıl sonra", starts_at=in_days(730, 10), ends_at=in_days(730, 12)
    )
    assert summaries(client.get(FEED_URL)) == ["Geçen hafta", "Gelecek ay"]


def test_the_feed_keeps_at_most_the_configured_number_of_events_soonest_first(client, settings):
    settings.CALENDAR_FEED_MAX_EVENTS = 3
    for days in (9, 3, 7, 1, 5):
        factories.ActivityFactory(
            title_tr=f"Gün {days}", starts_at=in_days(days, 10), ends_at=in_days(days, 12)
        )
    assert summaries(client.get(FEED_URL)) == ["Gün 1", "Gün 3", "Gün 5"]


def test_the_private_feed_keeps_at_most_the_configured_number_of_events(
    client, volunteer, settings
):
    settings.CALENDAR_FEED_MAX_EVENTS = 2
    for days in (4, 2, 6):
        factories.SignUpFactory(
            volunteer=volunteer,
            shift__activity=factories.ActivityFactory(
                title_tr=f"Gün {days}", starts_at=in_days(days, 10), ends_at=in_days(days, 18)
            ),
        )
    assert summaries(client.get(private_feed(volunteer))) == ["Gün 2", "Gün 4"]


def test_the_private_feed_leaves_out_shifts_beyond_the_window(client, volunteer, settings):
    settings.CALENDAR_PRIVATE_FEED_PAST_DAYS = 90
    settings.CALENDAR_FEED_FUTURE_DAYS = 365
    for title, days in (("Dört ay önce", -120), ("Bir ay önce", -30), ("İki yıl sonra", 730)):
        factories.SignUpFactory(
            volunteer=volunteer,
            shift__activity=factories.ActivityFactory(
                title_tr=title, starts_at=in_days(days, 10), ends_at=in_days(days, 18)
            ),
        )
    assert summaries(client.get(private_feed(volunteer))) == ["Bir ay önce"]


def test_an_event_carries_a_short_description_and_the_link_not_the_whole_text(client):
    long_text = "Kadın dayanışması üzerine uzun bir açıklama. " * 200 + "SONUNCU-CÜMLE"
    activity = factories.ActivityFactory(description_tr=long_text)
    response = client.get(FEED_URL)
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert description.startswith("Kadın dayanışması üzerine uzun bir açıklama.")
    assert description.endswith(f"http://testserver/activities/{activity.pk}/")
    assert "SONUNCU-CÜMLE" not in description
    assert len(description) < 250


def test_the_feeds_size_does_not_grow_with_the_descriptions(client):
    factories.ActivityFactory(description_tr="Kısa.")
    short = len(client.get(FEED_URL).content)
    Activity.objects.update(description_tr="Çok uzun bir açıklama. " * 400)
    factories.ActivityFactory(description_tr="x").delete()  # a change: the next feed is new
    assert len(client.get(FEED_URL).content) < short + 400


def test_the_public_feed_is_built_once_then_served_from_the_cache(
    client, django_assert_num_queries
):
    factories.ActivityFactory.create_batch(3)
    with django_assert_num_queries(1):
        first = client.get(FEED_URL)
    with django_assert_num_queries(0):
        again = client.get(FEED_URL)
    assert again.content == first.content


def test_editing_an_activity_gives_a_new_public_feed(client):
    activity = factories.ActivityFactory(title_tr="Eski başlık")
    assert summaries(client.get(FEED_URL)) == ["Eski başlık"]
    activity.title_tr = "Yeni başlık"
    activity.save()
    assert summaries(client.get(FEED_URL)) == ["Yeni başlık"]


def test_a_new_activity_and_a_deleted_one_give_a_new_public_feed(client):
    first = factories.ActivityFactory(
        title_tr="Birinci", starts_at=in_days(3, 10), ends_at=in_days(3, 12)
    )
    assert summaries(client.get(FEED_URL)) == ["Birinci"]
    factories.ActivityFactory(title_tr="İkinci", starts_at=in_days(4, 10), ends_at=in_days(4, 12))
    assert summaries(client.get(FEED_URL)) == ["Birinci", "İkinci"]
    first.delete()
    assert summaries(client.get(FEED_URL)) == ["İkinci"]


def test_moving_a_shift_gives_a_new_private_feed(client, volunteer):
    signup = factories.SignUpFactory(volunteer=volunteer)
    before = client.get(private_feed(volunteer)).content
    shift = signup.shift
    shift.starts_at += datetime.timedelta(hours=1)
    shift.save()
    (event,) = icalendar.Calendar.from_ical(client.get(private_feed(volunteer)).content).walk(
        "VEVENT"
    )
    assert event.decoded("DTSTART") == shift.starts_at
    assert client.get(private_feed(volunteer)).content != before


def test_a_new_sign_up_gives_a_new_private_feed(client, volunteer, django_assert_num_queries):
    factories.SignUpFactory(volunteer=volunteer, shift__activity__title_tr="Birinci")
    assert summaries(client.get(private_feed(volunteer))) == ["Birinci"]
    with django_assert_num_queries(1):  # the token: the feed itself comes from the cache
        client.get(private_feed(volunteer))
    factories.SignUpFactory(volunteer=volunteer, shift__activity__title_tr="İkinci")
    assert sorted(summaries(client.get(private_feed(volunteer)))) == ["Birinci", "İkinci"]


def test_another_volunteers_sign_up_leaves_the_private_feed_cached(
    client, volunteer, django_assert_num_queries
):
    mine = factories.SignUpFactory(volunteer=volunteer)
    client.get(private_feed(volunteer))
    factories.SignUpFactory(shift=mine.shift, volunteer=factories.VolunteerFactory())
    with django_assert_num_queries(1):
        client.get(private_feed(volunteer))


def test_an_activity_cancelled_by_staff_shows_cancelled_in_the_private_feed(
    client, volunteer, coordinator
):
    signup = factories.SignUpFactory(volunteer=volunteer)
    client.get(private_feed(volunteer))
    # The sign-ups are cancelled with one UPDATE, which sends no signal.
    signups.notify_activity_cancelled(activity=signup.shift.activity)
    calendar = icalendar.Calendar.from_ical(client.get(private_feed(volunteer)).content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"


def test_the_english_feed_is_cached_apart_from_the_turkish_one(client):
    factories.ActivityFactory(title_tr="Atölye", title_en="Workshop")
    assert summaries(client.get(FEED_URL)) == ["Atölye"]
    client.cookies["esit_language"] = "en"
    assert summaries(client.get(FEED_URL)) == ["Workshop"]
    client.cookies["esit_language"] = "tr"
    assert summaries(client.get(FEED_URL)) == ["Atölye"]


@pytest.mark.parametrize("url", ["public", "private"])
def test_a_calendar_app_asking_with_the_etag_gets_304(client, volunteer, url):
    factories.SignUpFactory(volunteer=volunteer)
    path = FEED_URL if url == "public" else private_feed(volunteer)
    first = client.get(path)
    assert first["ETag"].startswith('"')
    again = client.get(path, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("url", ["public", "private"])
def test_a_calendar_app_asking_with_last_modified_gets_304(client, volunteer, url):
    factories.SignUpFactory(volunteer=volunteer)
    path = FEED_URL if url == "public" else private_feed(volunteer)
    first = client.get(path)
    again = client.get(path, headers={"if-modified-since": first["Last-Modified"]})
    assert again.status_code == 304


def test_last_modified_is_the_latest_edit_of_an_event(client):
    activity = factories.ActivityFactory()
    edited = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=3)
    Activity.objects.filter(pk=activity.pk).update(updated_at=edited)
    response = client.get(FEED_URL)
    assert response["Last-Modified"] == edited.strftime("%a, %d %b %Y %H:%M:%S GMT")


def test_after_an_edit_the_old_etag_gets_the_new_feed(client):
    activity = factories.ActivityFactory(title_tr="Eski")
    first = client.get(FEED_URL)
    activity.title_tr = "Yeni"
    activity.save()
    again = client.get(FEED_URL, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert summaries(again) == ["Yeni"]
    assert again["ETag"] != first["ETag"]


def test_the_private_feed_stays_private_when_answered_304(client, volunteer):
    first = client.get(private_feed(volunteer))
    again = client.get(private_feed(volunteer), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert "no-store" in again["Cache-Control"]
