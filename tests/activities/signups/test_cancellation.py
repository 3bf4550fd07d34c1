"""Cancelling: the volunteer until the activity's deadline, staff at any time; a freed place
goes to the first waitlisted volunteer who fits, who is told by e-mail."""

import pytest
from django.core import mail

from esit.activities.models import SignUp
from esit.activities.services.errors import ActivityError
from esit.activities.services.signups import cancel_sign_up, fill_from_waitlist, sign_up
from tests import factories
from tests.activities.signups.conftest import emails_to, fill, make_returning, make_shift


def test_volunteer_cancels_before_the_deadline(volunteer):
    shift = make_shift(starts_in_hours=48, activity__cancellation_deadline_hours=24)
    signup = sign_up(volunteer=volunteer, shift=shift)

    cancel_sign_up(signup=signup)

    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED
    assert signup.cancelled_at is not None


def test_volunteer_cannot_cancel_after_the_deadline(volunteer):
    shift = make_shift(starts_in_hours=10, activity__cancellation_deadline_hours=24)
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    with pytest.raises(ActivityError, match="İptal süresi doldu"):
        cancel_sign_up(signup=signup, by=volunteer.user)
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED


def test_staff_may_cancel_after_the_deadline(volunteer, coordinator, run_on_commit):
    shift = make_shift(starts_in_hours=2, activity__cancellation_deadline_hours=24)
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)

    with run_on_commit():
        cancel_sign_up(signup=signup, by=coordinator)

    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED
    assert "iptal edildi" in emails_to(mail.outbox, volunteer)[0].subject


def test_leaving_the_waitlist_is_possible_after_the_deadline(volunteer):
    shift = make_shift(starts_in_hours=2, capacity=1, activity__cancellation_deadline_hours=24)
    fill(shift, 1)
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift, status="waitlisted")

    cancel_sign_up(signup=signup)

    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED


def test_cancelling_twice_is_refused(volunteer, shift):
    signup = sign_up(volunteer=volunteer, shift=shift)
    cancel_sign_up(signup=signup)

    with pytest.raises(ActivityError, match="zaten iptal"):
        cancel_sign_up(signup=signup)


def test_attended_sign_up_cannot_be_cancelled(volunteer, coordinator):
    signup = factories.SignUpFactory(volunteer=volunteer, attendance="attended")

    with pytest.raises(ActivityError, match="Katılım kaydedildiği"):
        cancel_sign_up(signup=signup, by=coordinator)


def test_cancellation_promotes_the_first_waitlisted_volunteer(volunteer, run_on_commit):
    shift = make_shift(capacity=1)
    signup = sign_up(volunteer=volunteer, shift=shift)
    first, second = fill(shift, 2, status="waitlisted")

    with run_on_commit():
        cancel_sign_up(signup=signup)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waitlisted")
    (message,) = emails_to(mail.outbox, first.volunteer)
    assert "Yer açıldı" in message.subject
    assert emails_to(mail.outbox, second.volunteer) == []


def test_cancelling_a_waitlisted_place_promotes_nobody(volunteer):
    shift = make_shift(capacity=1)
    fill(shift, 1)
    signup = sign_up(volunteer=volunteer, shift=shift)
    (behind,) = fill(shift, 1, status="waitlisted")

    cancel_sign_up(signup=signup)

    behind.refresh_from_db()
    assert behind.status == SignUp.Status.WAITLISTED


def test_waitlisted_volunteer_with_an_overlapping_shift_is_skipped(volunteer):
    shift = make_shift(starts_in_hours=48, capacity=1)
    signup = sign_up(volunteer=volunteer, shift=shift)
    busy, free = fill(shift, 2, status="waitlisted")
    other = make_shift(starts_in_hours=49)
    factories.SignUpFactory(volunteer=busy.volunteer, shift=other)

    cancel_sign_up(signup=signup)

    busy.refresh_from_db()
    free.refresh_from_db()
    assert (busy.status, free.status) == ("waitlisted", "confirmed")


def test_returning_volunteer_is_skipped_for_a_place_kept_for_newcomers(db):
    shift = make_shift(capacity=2, newcomer_places=1)
    sign_up(volunteer=make_returning(), shift=shift)
    leaving = sign_up(volunteer=factories.VolunteerFactory(), shift=shift)
    returning = sign_up(volunteer=make_returning(), shift=shift)
    newcomer = sign_up(volunteer=factories.VolunteerFactory(), shift=shift)
    assert (returning.status, newcomer.status) == ("waitlisted", "waitlisted")

    cancel_sign_up(signup=leaving)

    returning.refresh_from_db()
    newcomer.refresh_from_db()
    assert (returning.status, newcomer.status) == ("waitlisted", "confirmed")


def test_promotion_in_an_activity_needing_approval_is_pending(volunteer):
    shift = make_shift(capacity=1, activity__requires_approval=True)
    signup = sign_up(volunteer=volunteer, shift=shift)
    (behind,) = fill(shift, 1, status="waitlisted")

    cancel_sign_up(signup=signup)

    behind.refresh_from_db()
    assert behind.status == SignUp.Status.PENDING


def test_nobody_is_promoted_once_the_shift_has_started(volunteer, coordinator):
    shift = make_shift(starts_in_hours=-1, capacity=1)
    signup = factories.SignUpFactory(volunteer=volunteer, shift=shift)
    (behind,) = fill(shift, 1, status="waitlisted")

    cancel_sign_up(signup=signup, by=coordinator)

    behind.refresh_from_db()
    assert behind.status == SignUp.Status.WAITLISTED


def test_a_grown_shift_fills_from_its_waitlist(db):
    shift = make_shift(capacity=1)
    fill(shift, 1)
    first, second = fill(shift, 2, status="waitlisted")
    shift.capacity = 2
    shift.save(update_fields=["capacity"])

    promoted = fill_from_waitlist(shift=shift)

    assert [signup.pk for signup in promoted] == [first.pk]
    second.refresh_from_db()
    assert second.status == SignUp.Status.WAITLISTED
