"""Cancelling an activity tells everyone signed up, and their sign-ups end with it."""

import pytest
from django.core import mail

from esit.activities.models import SignUp
from esit.activities.services.signups import notify_activity_cancelled
from tests import factories
from tests.activities.signups.conftest import emails_to, fill, make_shift

pytestmark = pytest.mark.django_db


def test_everyone_with_an_active_sign_up_is_told(run_on_commit):
    shift = make_shift(capacity=1)
    confirmed = fill(shift, 1)[0]
    waitlisted = fill(shift, 1, status="waitlisted")[0]
    second_shift = factories.ShiftFactory(activity=shift.activity)
    pending = fill(second_shift, 1, status="pending")[0]

    with run_on_commit():
        told = notify_activity_cancelled(activity=shift.activity)

    assert told == 3
    for signup in (confirmed, waitlisted, pending):
        (message,) = emails_to(mail.outbox, signup.volunteer)
        assert "Etkinlik iptal edildi" in message.subject


def test_their_sign_ups_are_cancelled(db):
    shift = make_shift()
    signups = fill(shift, 2)

    notify_activity_cancelled(activity=shift.activity)

    assert {s.status for s in SignUp.objects.filter(pk__in=[s.pk for s in signups])} == {
        "cancelled"
    }


def test_volunteers_who_had_already_cancelled_are_not_written_to(run_on_commit):
    shift = make_shift()
    (gone,) = fill(shift, 1, status="cancelled")

    with run_on_commit():
        told = notify_activity_cancelled(activity=shift.activity)

    assert told == 0
    assert emails_to(mail.outbox, gone.volunteer) == []


def test_other_activities_are_untouched(db):
    shift = make_shift()
    other = fill(make_shift(), 1)[0]

    notify_activity_cancelled(activity=shift.activity)

    other.refresh_from_db()
    assert other.status == SignUp.Status.CONFIRMED
