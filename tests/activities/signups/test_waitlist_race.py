"""A volunteer who joins a waitlist while a cancellation is freeing its place is not promoted
by that cancellation (their row was never locked by it): they stay waitlisted, and a fill
after the commit, which locks them first, promotes them if they still fit. Otherwise one
volunteer could end up confirmed for two overlapping shifts."""

import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from esit.activities.models import SignUp
from esit.activities.services import signups
from tests import factories
from tests.activities.signups.conftest import fill, make_shift


def test_an_unlocked_waitlisted_volunteer_stays_waitlisted_until_a_fill_after_commit(
    db, django_capture_on_commit_callbacks
):
    shift = make_shift(capacity=1)
    first, second = fill(shift, 2, status="waitlisted")

    with django_capture_on_commit_callbacks(execute=False), transaction.atomic():
        locked = signups._lock_volunteers([first.volunteer_id])
        promoted = signups._fill_from_waitlist(
            signups._lock_shift(shift.pk), now=timezone.now(), locked=locked.keys()
        )
    assert promoted == [first]
    second.refresh_from_db()
    assert second.status == "waitlisted"  # no room left: nobody was left out unlocked

    # Now the one in front is not locked: they are skipped, and a later fill takes them.
    shift.capacity = 3
    shift.save(update_fields=["capacity"])
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            locked = signups._lock_volunteers([])
            promoted = signups._fill_from_waitlist(
                signups._lock_shift(shift.pk), now=timezone.now(), locked=locked.keys()
            )
        assert promoted == []
    second.refresh_from_db()
    assert second.status == "confirmed"


@pytest.mark.usefixtures("live_db")
def test_joining_the_waitlist_during_a_cancellation_never_confirms_two_overlapping_shifts():
    x = make_shift(starts_in_hours=48, capacity=1)
    y = make_shift(starts_in_hours=49, capacity=5)
    (held,) = fill(x, 1)
    volunteer = factories.VolunteerFactory()
    at_lock, go_lock = threading.Event(), threading.Event()
    original_lock = signups._lock_shift

    def lock_shift(pk):
        # The cancellation has read (and locked) the waitlist, which is empty so far.
        if threading.current_thread().name == "cancel" and pk == x.pk:
            at_lock.set()
            go_lock.wait(5)
        return original_lock(pk)

    errors = []

    def cancel():
        try:
            signups.cancel_sign_up(signup=held)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    signups._lock_shift = lock_shift
    try:
        thread = threading.Thread(target=cancel, name="cancel")
        thread.start()
        assert at_lock.wait(5)
        # The cancellation goes on shortly. On PostgreSQL the sign-up below usually lands on
        # the waitlist in between; SQLite serialises writers, so there it waits for the
        # cancellation and takes the freed place. Either way the end state must hold.
        threading.Timer(0.5, go_lock.set).start()
        assert signups.sign_up(volunteer=volunteer, shift=x).status in {"waitlisted", "confirmed"}
        thread.join(10)
        # After the cancellation committed, its follow-up fill locked the volunteer first.
        assert SignUp.objects.get(shift=x, volunteer=volunteer).status == "confirmed"
        with pytest.raises(signups.ActivityError):
            signups.sign_up(volunteer=volunteer, shift=y)
    finally:
        signups._lock_shift = original_lock

    assert errors == []
    assert SignUp.objects.filter(volunteer=volunteer, status="confirmed").count() == 1
