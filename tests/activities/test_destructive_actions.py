"""Destructive actions in activities look secondary and ask first (esit/core/confirm.py): on
the roster check-in is the main action; cancelling, declining, taking off the waitlist,
marking no-shows, giving back a task and replacing the calendar address each need a
second, confirmed post (docs/activities.md)."""

import re

import pytest

from esit.activities.models import SignUp, TaskAssignment
from tests import factories
from tests.activities.signups.conftest import fill, make_shift
from tests.activities.work.conftest import make_assignment

DANGER = 'class="button button-secondary button-danger"'


def button_of(html: str, action: str) -> str:
    """The opening tag of the submit button posting to `action`: in a form of its own, or
    (the roster's) naming the page's form and its own address (`formaction`)."""
    if found := re.search(rf'<button[^>]*formaction="{re.escape(action)}"[^>]*>', html):
        return found.group(0)
    form = html[html.index(f'action="{action}"') :]
    return re.search(r"<button[^>]*>", form[: form.index("</form>")]).group(0)


def asks(response, title: str) -> str:
    html = response.content.decode()
    assert response.status_code == 200
    assert title in html
    assert '<input type="hidden" name="confirmed" value="yes">' in html
    return html


# The roster ---------------------------------------------------------------------------------


@pytest.fixture
def busy_shift(db):
    shift = make_shift(capacity=1, activity__requires_approval=True)
    fill(shift, 1)
    fill(shift, 1, status="pending")
    fill(shift, 1, status="waitlisted")
    return shift


def test_roster_makes_check_in_the_main_action(coordinator_client, busy_shift):
    html = coordinator_client.get(f"/staff/activities/{busy_shift.activity_id}/roster/").content
    html = html.decode()

    link = re.search(rf'<a class="([^"]*)" href="/staff/shifts/{busy_shift.pk}/check-in/"', html)
    assert link.group(1) == "button"


@pytest.mark.parametrize(
    ("status", "action"),
    [("confirmed", "cancel"), ("pending", "decline"), ("waitlisted", "cancel")],
)
def test_roster_destructive_buttons_are_secondary_danger(
    coordinator_client, busy_shift, status, action
):
    signup = SignUp.objects.get(shift=busy_shift, status=status)

    html = coordinator_client.get(f"/staff/activities/{busy_shift.activity_id}/roster/")
    html = html.content.decode()

    assert DANGER in button_of(html, f"/staff/signups/{signup.pk}/{action}/")


def test_roster_approve_stays_a_main_action(coordinator_client, busy_shift):
    signup = SignUp.objects.get(shift=busy_shift, status="pending")

    html = coordinator_client.get(f"/staff/activities/{busy_shift.activity_id}/roster/")

    assert 'class="button"' in button_of(
        html.content.decode(), f"/staff/signups/{signup.pk}/approve/"
    )


def test_staff_cancel_asks_first_and_changes_nothing(coordinator_client, busy_shift):
    signup = SignUp.objects.get(shift=busy_shift, status="confirmed")

    response = coordinator_client.post(f"/staff/signups/{signup.pk}/cancel/")

    html = asks(response, f"{signup.volunteer.full_name} kaydı iptal edilsin mi?")
    assert "Evet, kaydı iptal et" in html
    assert (
        f'href="/staff/activities/{busy_shift.activity_id}/roster/#shift-{busy_shift.pk}"' in html
    )
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED


def test_taking_someone_off_the_waitlist_asks_in_its_own_words(coordinator_client, busy_shift):
    signup = SignUp.objects.get(shift=busy_shift, status="waitlisted")

    response = coordinator_client.post(f"/staff/signups/{signup.pk}/cancel/")

    asks(response, f"{signup.volunteer.full_name} bekleme listesinden çıkarılsın mı?")
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.WAITLISTED


def test_decline_asks_first_and_changes_nothing(coordinator_client, busy_shift):
    signup = SignUp.objects.get(shift=busy_shift, status="pending")

    response = coordinator_client.post(f"/staff/signups/{signup.pk}/decline/")

    asks(response, f"{signup.volunteer.full_name} kaydı onaylanmasın mı?")
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.PENDING


def test_confirmed_decline_goes_through(coordinator_client, busy_shift):
    signup = SignUp.objects.get(shift=busy_shift, status="pending")

    response = coordinator_client.post(f"/staff/signups/{signup.pk}/decline/", {"confirmed": "yes"})

    assert response.status_code == 302
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED


# No-shows -----------------------------------------------------------------------------------


@pytest.fixture
def ended_shift(db):
    shift = make_shift(starts_in_hours=-5, length_hours=2)
    fill(shift, 2)
    return shift


def test_no_show_button_is_secondary_danger(coordinator_client, ended_shift):
    html = coordinator_client.get(f"/staff/shifts/{ended_shift.pk}/check-in/").content.decode()

    assert DANGER in button_of(html, f"/staff/shifts/{ended_shift.pk}/no-shows/")


def test_marking_no_shows_asks_first_and_changes_nothing(coordinator_client, ended_shift):
    response = coordinator_client.post(f"/staff/shifts/{ended_shift.pk}/no-shows/")

    html = asks(response, "Yoklamada işaretlenmeyenler gelmedi olarak kaydedilsin mi?")
    assert "2 onaylı gönüllü yoklamada işaretlenmedi" in html
    assert set(SignUp.objects.values_list("attendance", flat=True)) == {"unknown"}


# Giving back a task -------------------------------------------------------------------------


@pytest.fixture
def claimed(volunteer):
    return make_assignment(volunteer=volunteer, task=factories.TaskFactory(title="Afiş çevirisi"))


def test_give_back_button_is_secondary_danger(volunteer_client, claimed):
    html = volunteer_client.get("/me/tasks/").content.decode()

    assert DANGER in button_of(html, f"/me/tasks/{claimed.pk}/release/")


def test_giving_back_a_task_asks_first_and_changes_nothing(volunteer_client, claimed):
    response = volunteer_client.post(f"/me/tasks/{claimed.pk}/release/")

    html = asks(response, "“Afiş çevirisi” görevi bırakılsın mı?")
    assert 'href="/me/tasks/"' in html
    claimed.refresh_from_db()
    assert claimed.status == TaskAssignment.Status.CLAIMED


# The private calendar address ---------------------------------------------------------------


def test_calendar_reset_button_is_secondary_danger(volunteer_client):
    html = volunteer_client.get("/me/calendar/").content.decode()

    assert DANGER in button_of(html, "/me/calendar/reset/")


def test_replacing_the_calendar_address_asks_first_and_changes_nothing(volunteer_client, volunteer):
    token = volunteer.calendar_token

    response = volunteer_client.post("/me/calendar/reset/")

    asks(response, "Takvim adresiniz yenilensin mi?")
    volunteer.refresh_from_db()
    assert volunteer.calendar_token == token
