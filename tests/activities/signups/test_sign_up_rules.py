"""Signing up for a shift: confirmed with room, pending with approval, waitlisted when full."""

import pytest
from django.core import mail

from esit.activities.models import SignUp
from esit.activities.services.errors import ActivityError
from esit.activities.services.signups import sign_up
from esit.volunteers.services import pause_volunteer, withdraw_from_programme
from tests import factories
from tests.activities.signups.conftest import emails_to, fill, make_shift


def test_volunteer_with_room_is_confirmed(volunteer, shift):
    signup = sign_up(volunteer=volunteer, shift=shift)

    assert signup.status == SignUp.Status.CONFIRMED
    assert SignUp.objects.get(volunteer=volunteer, shift=shift).status == "confirmed"


def test_confirmed_volunteer_gets_an_email(volunteer, shift, run_on_commit):
    with run_on_commit():
        sign_up(volunteer=volunteer, shift=shift)

    (message,) = emails_to(mail.outbox, volunteer)
    assert "onaylandı" in message.subject
    assert shift.activity.title_tr in message.body
    assert f"/activities/{shift.activity_id}/" in message.body


def test_full_shift_waitlists_the_next_volunteer(volunteer, run_on_commit):
    shift = make_shift(capacity=2)
    fill(shift, 2)

    with run_on_commit():
        signup = sign_up(volunteer=volunteer, shift=shift)

    assert signup.status == SignUp.Status.WAITLISTED
    assert "Bekleme listesindesiniz" in emails_to(mail.outbox, volunteer)[0].subject


def test_activity_needing_approval_makes_the_sign_up_pending(volunteer, run_on_commit):
    shift = make_shift(activity__requires_approval=True)

    with run_on_commit():
        signup = sign_up(volunteer=volunteer, shift=shift)

    assert signup.status == SignUp.Status.PENDING
    assert "onayı bekliyor" in emails_to(mail.outbox, volunteer)[0].subject


def test_pending_sign_ups_hold_places(volunteer):
    shift = make_shift(capacity=2, activity__requires_approval=True)
    fill(shift, 2, status="pending")

    assert sign_up(volunteer=volunteer, shift=shift).status == SignUp.Status.WAITLISTED


def test_waitlisted_and_cancelled_sign_ups_hold_no_place(volunteer):
    shift = make_shift(capacity=1)
    fill(shift, 2, status="waitlisted")
    fill(shift, 2, status="cancelled")

    assert sign_up(volunteer=volunteer, shift=shift).status == SignUp.Status.CONFIRMED


@pytest.mark.parametrize(
    ("status", "message"),
    [("cancelled", "iptal edildi"), ("draft", "yayında değil"), ("completed", "tamamlandı")],
)
def test_activity_that_is_not_published_refuses_sign_ups(volunteer, status, message):
    shift = make_shift(activity__status=status)

    with pytest.raises(ActivityError, match=message):
        sign_up(volunteer=volunteer, shift=shift)
    assert not SignUp.objects.exists()


def test_shift_that_has_started_refuses_sign_ups(volunteer):
    shift = make_shift(starts_in_hours=-1, length_hours=3)

    with pytest.raises(ActivityError, match="başladı"):
        sign_up(volunteer=volunteer, shift=shift)
    assert not SignUp.objects.exists()


def test_volunteer_who_left_the_programme_cannot_sign_up(volunteer, shift):
    withdraw_from_programme(volunteer=volunteer)

    with pytest.raises(ActivityError, match="ayrıldığınız"):
        sign_up(volunteer=volunteer, shift=shift)
    assert not SignUp.objects.exists()


def test_a_paused_volunteer_is_told_she_is_paused_not_that_she_left(volunteer, shift):
    pause_volunteer(volunteer=volunteer, by=factories.StaffFactory(role="coordinator"))

    with pytest.raises(ActivityError, match="duraklatıldı") as refusal:
        sign_up(volunteer=volunteer, shift=shift)
    assert "ayrıl" not in str(refusal.value.message)
    assert not SignUp.objects.exists()


def test_second_sign_up_for_the_same_shift_is_refused(volunteer, shift):
    sign_up(volunteer=volunteer, shift=shift)

    with pytest.raises(ActivityError, match="zaten kayıtlısınız"):
        sign_up(volunteer=volunteer, shift=shift)
    assert SignUp.objects.filter(volunteer=volunteer).count() == 1


def test_signing_up_again_after_cancelling_is_allowed(volunteer, shift):
    factories.SignUpFactory(volunteer=volunteer, shift=shift, status="cancelled")

    assert sign_up(volunteer=volunteer, shift=shift).status == SignUp.Status.CONFIRMED


def test_overlapping_confirmed_shift_is_refused(volunteer):
    first = make_shift(starts_in_hours=48, length_hours=3)
    overlapping = make_shift(starts_in_hours=50, length_hours=3)
    sign_up(volunteer=volunteer, shift=first)

    with pytest.raises(ActivityError, match="Aynı saatlerde"):
        sign_up(volunteer=volunteer, shift=overlapping)
    assert not SignUp.objects.filter(shift=overlapping).exists()


def test_back_to_back_shifts_do_not_overlap(volunteer):
    first = make_shift(starts_in_hours=48, length_hours=3)
    next_one = make_shift(starts_in_hours=51, length_hours=3)
    sign_up(volunteer=volunteer, shift=first)

    assert sign_up(volunteer=volunteer, shift=next_one).status == SignUp.Status.CONFIRMED


def test_waitlisted_place_does_not_block_an_overlapping_shift(volunteer):
    full = make_shift(starts_in_hours=48, capacity=1)
    fill(full, 1)
    sign_up(volunteer=volunteer, shift=full)
    overlapping = make_shift(starts_in_hours=49)

    assert sign_up(volunteer=volunteer, shift=overlapping).status == SignUp.Status.CONFIRMED


def test_sign_up_time_is_aware_and_recorded(volunteer, shift):
    signup = sign_up(volunteer=volunteer, shift=shift)

    assert signup.created_at.tzinfo is not None
