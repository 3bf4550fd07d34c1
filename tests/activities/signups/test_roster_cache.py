"""An activity's roster is kept rendered per activity, language and page, and anything it
shows changes it at once: a sign-up of that activity written or decided, the activity
cancelled, a volunteer's or a coordinator's name. Every look is still in the trail, the
reader's CSRF token is hers alone (the kept buttons submit the page's one form), and a copy
is kept no longer than until a shift that takes sign-ups starts."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.activities.models import SignUp
from esit.activities.services.attendance import mark_no_shows
from esit.activities.services.planning import cancel_activity
from esit.activities.services.signups import send_due_reminders
from esit.activities.views.roster import _roster_body
from esit.audit.models import AuditEvent
from esit.core import versions
from tests import factories
from tests.accounts.test_scope import scoped
from tests.activities.signups.conftest import fill, make_shift

pytestmark = pytest.mark.django_db


def roster_url(activity) -> str:
    return f"/staff/activities/{activity.pk}/roster/"


def page(client, activity) -> str:
    return client.get(roster_url(activity)).content.decode()


def named(first_name: str, last_name: str = "Yılmaz"):
    user = factories.UserFactory(first_name=first_name, last_name=last_name)
    return factories.VolunteerFactory(user=user)


def signup_queries(queries) -> list[dict]:
    return [q for q in queries.captured_queries if 'FROM "activities_signup"' in q["sql"]]


def test_a_second_look_reads_no_sign_up_and_is_still_in_the_trail(coordinator_client):
    shift = make_shift()
    factories.SignUpFactory(shift=shift, volunteer=named("Şule"))
    page(coordinator_client, shift.activity)
    with CaptureQueriesContext(connection) as queries:
        again = page(coordinator_client, shift.activity)
    assert "Şule Yılmaz" in again
    assert signup_queries(queries) == []
    assert AuditEvent.objects.filter(action="activities.roster_viewed").count() == 2


def test_a_sign_up_saved_without_its_shift_loaded_shows_at_once(coordinator_client):
    shift = make_shift()
    factories.SignUpFactory(shift=shift, volunteer=named("Şule"))
    assert "Şule Yılmaz" in page(coordinator_client, shift.activity)
    factories.SignUpFactory(shift=shift, volunteer=named("Gül"), status="pending")
    assert "Gül Yılmaz" in page(coordinator_client, shift.activity)
    signup = SignUp.objects.get(volunteer__first_name="Gül")  # its shift not read
    signup.status = SignUp.Status.CANCELLED
    signup.cancelled_at = timezone.now()
    signup.save()
    html = page(coordinator_client, shift.activity)
    assert html.index("İptal edilen kayıtlar") < html.index("Gül Yılmaz")


def test_a_sign_up_of_another_activity_leaves_the_copy(coordinator_client):
    shift, other = make_shift(), make_shift()
    fill(shift, 1)
    elsewhere = named("Başka")
    page(coordinator_client, shift.activity)
    factories.SignUpFactory(shift=other, volunteer=elsewhere)
    with CaptureQueriesContext(connection) as queries:
        page(coordinator_client, shift.activity)
    assert signup_queries(queries) == []


def test_the_activity_cancelled_shows_every_sign_up_cancelled_at_once(
    coordinator_client, coordinator
):
    shift = make_shift()
    fill(shift, 2)
    assert "Kaydı iptal et" in page(coordinator_client, shift.activity)
    cancel_activity(activity=shift.activity, by=coordinator)
    html = page(coordinator_client, shift.activity)
    assert "Kaydı iptal et" not in html
    assert "İptal edilen kayıtlar (2)" in html


def test_a_renamed_volunteer_and_a_renamed_coordinator_show_at_once(
    coordinator_client, coordinator
):
    shift = make_shift()
    volunteer = named("Şule")
    factories.SignUpFactory(shift=shift, volunteer=volunteer, added_by=coordinator)
    page(coordinator_client, shift.activity)
    volunteer.first_name = "Işıl"
    volunteer.save(update_fields=["first_name"])
    assert "Işıl Yılmaz" in page(coordinator_client, shift.activity)
    coordinator.first_name = "Nermin"
    coordinator.save(update_fields=["first_name"])
    assert "Nermin" in page(coordinator_client, shift.activity)


def test_the_kept_part_holds_no_token_and_its_buttons_submit_the_page_s_form(
    client, coordinator_client
):
    shift = make_shift()
    fill(shift, 1)
    first = page(coordinator_client, shift.activity)
    client.force_login(factories.StaffFactory())
    second = page(client, shift.activity)
    for html in (first, second):
        roster = html[html.index('<form method="post" id="roster-actions" hidden>') :]
        roster = roster[: roster.index("</main>")]
        assert roster.count("csrfmiddlewaretoken") == 1  # the page's form's, none kept
        assert 'form="roster-actions" formaction="/staff/signups/' in roster


def test_a_copy_never_opens_an_activity_outside_her_scope(client, coordinator_client):
    shift = make_shift(activity__areas=[factories.area("translation")])
    fill(shift, 1)
    assert coordinator_client.get(roster_url(shift.activity)).status_code == 200
    client.force_login(scoped(factories.StaffFactory(), areas=["field-research"]))
    assert client.get(roster_url(shift.activity)).status_code == 404


def test_a_copy_is_kept_no_longer_than_until_the_next_shift_starts(rf):
    shift = make_shift(starts_in_hours=0.5)
    later = shift.starts_at + datetime.timedelta(hours=5)
    factories.ShiftFactory(
        activity=shift.activity, starts_at=later, ends_at=later + datetime.timedelta(hours=2)
    )
    request = rf.get(roster_url(shift.activity))
    kept = _roster_body(versions.page_request(request, ["page"]), shift.activity)
    assert kept.changes_at == shift.starts_at


def test_no_shows_marked_show_at_once(coordinator_client, coordinator):
    shift = make_shift(starts_in_hours=-4, length_hours=3)
    fill(shift, 1)
    assert "Kaydı iptal et" in page(coordinator_client, shift.activity)
    assert mark_no_shows(shift=shift, by=coordinator) == 1
    html = page(coordinator_client, shift.activity)
    assert "Kaydı iptal et" not in html
    assert "Gelmedi" in html


def test_reminders_sent_show_at_once(coordinator_client):
    shift = make_shift(starts_in_hours=20)
    fill(shift, 1)
    assert "Henüz hatırlatma gitmedi" in page(coordinator_client, shift.activity)
    assert send_due_reminders() == 1
    html = page(coordinator_client, shift.activity)
    assert "Henüz hatırlatma gitmedi" not in html
    assert "Hatırlatmaya yanıt vermedi" in html


def test_the_copy_ends_when_a_shift_that_takes_sign_ups_starts(coordinator_client, settings):
    # Local memory, whose entries say when they expire (Redis keeps that to itself).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    shift = make_shift(starts_in_hours=1 / 60)  # "add a volunteer" goes in a minute
    assert "Gönüllü ekle" in page(coordinator_client, shift.activity)
    [kept] = [key for key in caches["default"]._cache if ":kept-list:" in key]
    assert caches["default"]._expire_info[kept] <= shift.starts_at.timestamp() + 1
