"""Reminders 24 hours before a confirmed shift, once, with a signed one-click "I'm coming" link."""

import datetime
import io
import re
import threading

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.db import connection
from django.tasks import default_task_backend
from django.utils import timezone

from esit.activities.models import SignUp
from esit.activities.services.errors import ActivityError
from esit.activities.services.signups import (
    coming_token,
    send_due_reminders,
    sign_up,
    signup_for_coming_token,
)
from esit.notifications import preferences
from esit.notifications.models import Delivery
from esit.notifications.tasks import send_deliveries
from tests import factories
from tests.activities.signups.conftest import emails_to, make_shift


@pytest.fixture
def tomorrow(db):
    return make_shift(starts_in_hours=20)


@pytest.fixture
def confirmed(volunteer, tomorrow):
    return factories.SignUpFactory(volunteer=volunteer, shift=tomorrow)


def run_command() -> str:
    out = io.StringIO()
    call_command("send_shift_reminders", stdout=out)
    return out.getvalue()


def confirm_link(message) -> str:
    match = re.search(r"http://testserver(/activities/signups/confirm/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_confirmed_volunteer_is_reminded_within_24_hours(confirmed, run_on_commit):
    with run_on_commit():
        assert send_due_reminders() == 1

    confirmed.refresh_from_db()
    assert confirmed.reminder_sent_at is not None
    (message,) = emails_to(mail.outbox, confirmed.volunteer)
    assert "yaklaşıyor" in message.subject
    assert confirm_link(message)


def test_running_the_command_twice_sends_each_reminder_once(confirmed, run_on_commit):
    with run_on_commit():
        first = run_command()
    with run_on_commit():
        second = run_command()

    assert first.startswith("1 ")
    assert second.startswith("0 ")
    assert len(emails_to(mail.outbox, confirmed.volunteer)) == 1


@pytest.mark.parametrize("status", ["waitlisted", "pending", "cancelled"])
def test_only_confirmed_volunteers_are_reminded(volunteer, tomorrow, status, run_on_commit):
    signup = factories.SignUpFactory(volunteer=volunteer, shift=tomorrow, status=status)

    with run_on_commit():
        assert send_due_reminders() == 0

    signup.refresh_from_db()
    assert signup.reminder_sent_at is None
    assert mail.outbox == []


def test_shift_more_than_24_hours_away_is_not_reminded_yet(volunteer, run_on_commit):
    factories.SignUpFactory(volunteer=volunteer, shift=make_shift(starts_in_hours=30))

    with run_on_commit():
        assert send_due_reminders() == 0
    assert mail.outbox == []


def test_the_same_shift_is_reminded_when_it_comes_within_24_hours(volunteer):
    factories.SignUpFactory(volunteer=volunteer, shift=make_shift(starts_in_hours=30))

    assert send_due_reminders(now=timezone.now() + datetime.timedelta(hours=7)) == 1


def test_volunteer_who_turned_reminders_off_is_not_reminded(confirmed, run_on_commit):
    preferences.set_preference(
        user=confirmed.volunteer.user, kind_key="signups.reminder", enabled=False
    )

    with run_on_commit():
        send_due_reminders()

    assert mail.outbox == []
    (reminder,) = Delivery.objects.filter(kind="signups.reminder")
    assert reminder.status == Delivery.Status.SUPPRESSED
    assert reminder.suppressed_because == Delivery.Why.PREFERENCE


def test_the_reminder_offers_a_one_click_unsubscribe(confirmed, run_on_commit):
    with run_on_commit():
        send_due_reminders()

    (message,) = emails_to(mail.outbox, confirmed.volunteer)
    url = preferences.unsubscribe_url(confirmed.volunteer.user, "signups.reminder")
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body


def test_a_sign_up_confirmation_cannot_be_unsubscribed_from(volunteer, run_on_commit):
    with run_on_commit():
        sign_up(volunteer=volunteer, shift=make_shift())

    (message,) = emails_to(mail.outbox, volunteer)
    assert "List-Unsubscribe" not in message.extra_headers


def test_cancelled_activity_sends_no_reminder(confirmed):
    confirmed.shift.activity.status = "cancelled"
    confirmed.shift.activity.save()

    assert send_due_reminders() == 0


def test_the_signed_link_shows_a_button_and_confirms_only_on_post(confirmed, client, run_on_commit):
    with run_on_commit():
        send_due_reminders()
    link = confirm_link(emails_to(mail.outbox, confirmed.volunteer)[0])

    page = client.get(link)
    confirmed.refresh_from_db()
    assert page.status_code == 200
    assert "Geleceğimi onaylıyorum" in page.content.decode()
    assert confirmed.coming_confirmed_at is None

    response = client.post(link)
    confirmed.refresh_from_db()
    assert response.status_code == 302
    assert confirmed.coming_confirmed_at is not None


def test_a_tampered_link_is_refused(confirmed, client):
    token = coming_token(confirmed)
    tampered = token[:-3] + ("abc" if token[-3:] != "abc" else "xyz")

    response = client.post(f"/activities/signups/confirm/{tampered}/")

    confirmed.refresh_from_db()
    assert response.status_code == 400
    assert "geçersiz" in response.content.decode()
    assert confirmed.coming_confirmed_at is None


def test_a_link_signed_for_another_purpose_is_refused(confirmed):
    forged = signing.dumps({"signup": confirmed.pk, "until": 2**40}, salt="something-else")

    with pytest.raises(ActivityError, match="geçersiz"):
        signup_for_coming_token(forged)


def test_the_link_expires_when_the_shift_starts(volunteer):
    started = factories.SignUpFactory(
        volunteer=volunteer, shift=make_shift(starts_in_hours=-1), status="confirmed"
    )

    with pytest.raises(ActivityError, match="süresi doldu"):
        signup_for_coming_token(coming_token(started))


def test_the_link_of_a_cancelled_sign_up_confirms_nothing(confirmed, client):
    token = coming_token(confirmed)
    SignUp.objects.filter(pk=confirmed.pk).update(status="cancelled")

    response = client.post(f"/activities/signups/confirm/{token}/")

    confirmed.refresh_from_db()
    assert response.status_code == 400
    assert confirmed.coming_confirmed_at is None


def test_the_reminder_leaves_when_a_worker_sends_it(
    confirmed, settings, django_capture_on_commit_callbacks
):
    # A backend that only records what was enqueued, so nothing runs in the request.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders() == 1

    (reminder,) = Delivery.objects.filter(kind="signups.reminder")
    assert reminder.status == Delivery.Status.QUEUED
    (queued,) = default_task_backend.results
    assert queued.task.func is send_deliveries.func
    assert queued.args == [[reminder.pk]]
    assert mail.outbox == []  # the e-mail leaves when a worker runs the task, not before


@pytest.mark.usefixtures("live_db")
def test_two_runs_at_the_same_moment_send_each_reminder_once():
    signups = [factories.SignUpFactory(shift=make_shift(starts_in_hours=20)) for _ in range(3)]
    now = timezone.now()
    barrier = threading.Barrier(2)
    counts, errors = [], []

    def run():
        try:
            barrier.wait()
            counts.append(send_due_reminders(now=now))
        except Exception as error:  # any error fails the test below
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection; leave none open

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(counts) == 3  # between them the runs took each reminder once
    for signup in signups:
        assert len(emails_to(mail.outbox, signup.volunteer)) == 1
        signup.refresh_from_db()
        assert signup.reminder_sent_at == now
