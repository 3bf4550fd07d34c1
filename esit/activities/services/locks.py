"""Row locks for the activities services, in the one order docs/activities.md fixes.

1. volunteers' rows (`Volunteer`), ascending id;
2. the activity's row (`Activity`);
3. its shifts' or tasks' rows (`Shift`, `Task`), ascending id;
4. the rows hanging off them (`SignUp`, `TaskAssignment`, `Participant`);
5. volunteers' records (`VolunteerRecord`), ascending id, rebuilt last (records.py).

A service may skip a step but never go back to an earlier one. Every lock is
`SELECT … FOR NO KEY UPDATE` (`select_for_update(no_key=True)`): no service
changes a primary key, and a plain `FOR UPDATE` would also block the
`FOR KEY SHARE` lock PostgreSQL takes on a row whenever another transaction
inserts a row pointing at it (an `HoursEntry` pointing at its activity, a
`SignUp` at its shift). With `FOR UPDATE`, a check-in holding a shift and
inserting hours for its activity deadlocks with a coordinator holding the
activity and waiting for that shift. On SQLite these calls lock nothing; the
IMMEDIATE transaction mode serialises writers instead.
"""

from collections.abc import Iterable

from django.db.models import Model, QuerySet

from esit.activities.models import (
    Activity,
    HoursEntry,
    Participant,
    Shift,
    SignUp,
    Task,
    TaskAssignment,
    VolunteerRecord,
)
from esit.volunteers.models import Volunteer


def _for_update[M: Model](model: type[M], **kwargs: bool) -> QuerySet[M]:
    # `objects` for each of these models (none declares another manager); the types know a
    # model class by its default manager, not by the name its class body gives it.
    return model._default_manager.select_for_update(no_key=True, of=("self",), **kwargs)


def lock_volunteers(volunteer_ids: Iterable[int]) -> dict[int, Volunteer]:
    """Step 1: lock volunteers' rows in ascending id order; returns those that exist by id."""
    rows = (
        _for_update(Volunteer)
        .filter(pk__in=set(volunteer_ids))
        .order_by("pk")
        .select_related("user")
    )
    return {volunteer.pk: volunteer for volunteer in rows}


def lock_volunteer(volunteer_id: int) -> Volunteer:
    """Step 1 for one volunteer; raises Volunteer.DoesNotExist."""
    return _for_update(Volunteer).select_related("user").get(pk=volunteer_id)


def lock_activity(activity_id: int) -> Activity:
    """Step 2: the activity's row; raises Activity.DoesNotExist."""
    return _for_update(Activity).get(pk=activity_id)


def lock_shift(shift_id: int) -> Shift:
    """Step 3: one shift, then its activity read afresh (not locked).

    The activity is read by a separate query *after* the lock: cancelling an
    activity locks its shifts first, so a sign-up that waited for the lock sees
    the cancellation, not the status from before.
    """
    shift = _for_update(Shift).get(pk=shift_id)
    shift.activity = Activity.objects.get(pk=shift.activity_id)
    return shift


def lock_shifts_of(activity_id: int) -> list[Shift]:
    """Step 3 for every shift of an activity, ascending id."""
    return list(_for_update(Shift).filter(activity_id=activity_id).order_by("pk"))


def lock_task(task_id: int) -> Task:
    """Step 3: one task (its activity is read with it, not locked)."""
    return _for_update(Task).select_related("activity").get(pk=task_id)


def lock_tasks_of(activity_id: int) -> list[Task]:
    """Step 3 for every task of an activity, ascending id."""
    return list(_for_update(Task).filter(activity_id=activity_id).order_by("pk"))


def signups_for_update() -> QuerySet[SignUp]:
    """Step 4: a SignUp queryset whose rows are locked when read."""
    return _for_update(SignUp)


def assignments_for_update() -> QuerySet[TaskAssignment]:
    """Step 4: a TaskAssignment queryset whose rows are locked when read."""
    return _for_update(TaskAssignment)


def participants_for_update() -> QuerySet[Participant]:
    """Step 4: a Participant queryset whose rows are locked when read."""
    return _for_update(Participant)


def hours_for_update() -> QuerySet[HoursEntry]:
    """Step 4: an HoursEntry queryset whose rows are locked when read (hours review)."""
    return _for_update(HoursEntry)


def records_for_update() -> QuerySet[VolunteerRecord]:
    """Step 5: a VolunteerRecord queryset whose rows are locked when read."""
    return _for_update(VolunteerRecord)
