"""No deadlock between a service that inserts a row pointing at an activity (hours from a
check-in or an accepted task) and a coordinator editing a shift or task of that activity.

On PostgreSQL, inserting an HoursEntry takes FOR KEY SHARE on its activity. The
services lock with FOR NO KEY UPDATE (services/locks.py), which that insert does
not wait for; with plain FOR UPDATE the two transactions below waited for each
other and PostgreSQL killed one with a deadlock error. On SQLite the IMMEDIATE
transaction mode serialises them; the same scenarios must pass there too.
"""

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from esit.activities.models import HoursEntry, VolunteerRecord
from esit.activities.services import attendance, locks, planning, records, work
from tests import factories
from tests.activities.signups.conftest import make_shift

pytestmark = pytest.mark.usefixtures("live_db")


def first_paused_then_second(first, second, *, pause_in, name):
    """Run `first` until it calls `pause_in.name` (holding its locks), start `second`, let it
    queue for a moment, then let `first` go on. Returns the errors either raised."""
    paused, resume = threading.Event(), threading.Event()
    original = getattr(pause_in, name)

    def slow(*args, **kwargs):
        if threading.current_thread().name == "first":
            paused.set()
            resume.wait(5)
        return original(*args, **kwargs)

    errors = []

    def run(call):
        def inner():
            try:
                call()
            except Exception as error:  # any error, a deadlock included, fails the test
                errors.append(error)
            finally:
                connection.close()

        return inner

    setattr(pause_in, name, slow)
    try:
        one = threading.Thread(target=run(first), name="first")
        one.start()
        assert paused.wait(5)
        two = threading.Thread(target=run(second), name="second")
        two.start()
        time.sleep(0.7)  # the second transaction now waits for a lock the first holds
        resume.set()
        one.join(10)
        two.join(10)
    finally:
        setattr(pause_in, name, original)
    return errors


def test_check_in_and_editing_its_shift_at_once_do_not_deadlock(coordinator):
    shift = make_shift(starts_in_hours=1)
    volunteer = factories.VolunteerFactory()
    factories.SignUpFactory(shift=shift, volunteer=volunteer, status="confirmed")

    errors = first_paused_then_second(
        lambda: attendance.check_in(shift=shift, code=volunteer.checkin_code, by=coordinator),
        lambda: planning.update_shift(shift=shift, notes="B kapısı"),
        pause_in=attendance,
        name="shift_hours",
    )

    assert errors == []
    assert HoursEntry.objects.filter(signup__shift=shift, volunteer=volunteer).count() == 1
    shift.refresh_from_db()
    assert shift.notes == "B kapısı"


def test_accepting_a_task_and_editing_it_at_once_do_not_deadlock(coordinator):
    task = factories.TaskFactory(
        activity=factories.ActivityFactory(),
        estimated_hours=2,
        due_date=timezone.localdate() + datetime.timedelta(days=5),
    )
    assignment = work.claim_task(volunteer=factories.VolunteerFactory(), task=task)
    work.deliver_task(assignment=assignment, note="Bitti.")

    errors = first_paused_then_second(
        lambda: work.accept_task(assignment=assignment, by=coordinator),
        lambda: planning.update_task(task=task, description="Yeni açıklama"),
        pause_in=work,
        name="_area_for",
    )

    assert errors == []
    assert HoursEntry.objects.filter(task_assignment=assignment).count() == 1
    task.refresh_from_db()
    assert task.description == "Yeni açıklama"


def test_two_approved_entries_at_once_both_count_in_her_record():
    """The second rebuild waits for the first one's lock on her record, then counts both:
    without it, the first, having counted before the second committed, wrote its total last."""
    volunteer = factories.VolunteerFactory()
    day = timezone.localdate()

    def approved_hours(hours: int):
        return lambda: factories.HoursEntryFactory(
            volunteer=volunteer, status="approved", hours=Decimal(hours), date=day
        )

    factories.HoursEntryFactory(volunteer=volunteer, status="approved", hours=1, date=day)
    errors = first_paused_then_second(
        approved_hours(2), approved_hours(4), pause_in=records, name="_write"
    )

    assert errors == []
    assert VolunteerRecord.objects.get(volunteer=volunteer).recent_hours == Decimal(7)


def test_every_activities_lock_is_a_no_key_lock():
    """The one place locks are taken asks PostgreSQL for FOR NO KEY UPDATE, never FOR UPDATE."""
    for queryset in (
        locks.signups_for_update(),
        locks.assignments_for_update(),
        locks.participants_for_update(),
        locks.hours_for_update(),
        locks.records_for_update(),
    ):
        assert queryset.query.select_for_update
        assert queryset.query.select_for_no_key_update
