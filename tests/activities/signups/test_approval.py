"""Pending sign-ups: a coordinator approves or declines; a decline frees the held place."""

import pytest
from django.core import mail

from esit.activities.models import SignUp
from esit.activities.services.errors import ActivityError
from esit.activities.services.signups import approve_sign_up, decline_sign_up
from tests import factories
from tests.activities.signups.conftest import emails_to, fill, make_shift


@pytest.fixture
def pending(volunteer):
    shift = make_shift(capacity=1, activity__requires_approval=True)
    return factories.SignUpFactory(volunteer=volunteer, shift=shift, status="pending")


def test_coordinator_approves_a_pending_sign_up(pending, coordinator, run_on_commit):
    with run_on_commit():
        approve_sign_up(signup=pending, by=coordinator)

    pending.refresh_from_db()
    assert pending.status == SignUp.Status.CONFIRMED
    assert "onayladı" in emails_to(mail.outbox, pending.volunteer)[0].subject


def test_coordinator_declines_a_pending_sign_up(pending, coordinator, run_on_commit):
    with run_on_commit():
        decline_sign_up(signup=pending, by=coordinator)

    pending.refresh_from_db()
    assert pending.status == SignUp.Status.CANCELLED
    assert "onaylanmadı" in emails_to(mail.outbox, pending.volunteer)[0].subject


def test_declining_gives_the_place_to_the_waitlist(pending, coordinator):
    (behind,) = fill(pending.shift, 1, status="waitlisted")

    decline_sign_up(signup=pending, by=coordinator)

    behind.refresh_from_db()
    assert behind.status == SignUp.Status.PENDING


def test_only_pending_sign_ups_can_be_approved(volunteer, coordinator):
    signup = factories.SignUpFactory(volunteer=volunteer, status="waitlisted")

    with pytest.raises(ActivityError, match="onay beklemiyor"):
        approve_sign_up(signup=signup, by=coordinator)
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.WAITLISTED


def test_approval_is_refused_when_the_volunteer_is_confirmed_elsewhere_at_that_time(
    pending, coordinator
):
    other = make_shift(starts_in_hours=73)
    factories.SignUpFactory(volunteer=pending.volunteer, shift=other)

    with pytest.raises(ActivityError, match="başka bir vardiyada onaylı"):
        approve_sign_up(signup=pending, by=coordinator)
    pending.refresh_from_db()
    assert pending.status == SignUp.Status.PENDING


def test_an_approval_records_who_decided_and_when(pending, coordinator):
    approve_sign_up(signup=pending, by=coordinator)

    pending.refresh_from_db()
    assert pending.decided_by == coordinator
    assert pending.decided_at is not None


def test_a_decline_records_who_decided_and_when(pending, coordinator):
    decline_sign_up(signup=pending, by=coordinator)

    pending.refresh_from_db()
    assert pending.decided_by == coordinator
    assert pending.decided_at == pending.cancelled_at


@pytest.mark.parametrize(
    ("status", "said"), [("paused", "duraklatıldı"), ("withdrawn", "programdan ayrıldı")]
)
def test_a_sign_up_of_a_volunteer_who_is_not_active_is_not_approved_and_says_why(
    pending, coordinator, status, said
):
    type(pending.volunteer).objects.filter(pk=pending.volunteer_id).update(status=status)

    with pytest.raises(ActivityError, match=said):
        approve_sign_up(signup=pending, by=coordinator)
    pending.refresh_from_db()
    assert pending.status == SignUp.Status.PENDING
