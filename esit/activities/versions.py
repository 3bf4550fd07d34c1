"""The content versions of activities (esit/core/versions.py), and what changes them.

`ACTIVITIES_VERSION` changes with any activity, shift or task saved or deleted (or the
areas an activity has, or a shift or a task requires, set), `PLACES_VERSION` with any
sign-up or participant (the places left that public pages show), and
`signups_version(volunteer_id)` with any of that volunteer's sign-ups: the calendar feeds and
the cached public pages put the ones they show into their cache keys.
Names of kinds and districts are not versioned: they change rarely, and a cached copy
lives CALENDAR_FEED_CACHE_SECONDS at most. Saves and deletes reach these
receivers through Django's model signals (connected in `ActivitiesConfig.ready()`); the few
services that change sign-ups with `QuerySet.update()` (an activity cancelled, no-shows
marked, reminders sent) call `bump_signups()` and `bump_rosters()` themselves.

`HOURS_VERSION` changes with what a row of the staff hours queue shows and whether it is in
a coordinator's scope: an hours entry saved or deleted, a sign-up deleted (its entry loses
the shift it waits for), and a volunteer's names or district; activities, their shifts and
the reference lists have versions of their own, which the queue's key holds too.

`roster_version(activity_id)` changes with any sign-up of that activity (the staff roster
kept rendered); the volunteers' names and contacts are in the directory's version and the
names of staff who added or waived someone in `PEOPLE_VERSION` (an account's names or
e-mail).
"""

from collections.abc import Iterable

from esit.core import versions

from .models import Shift, SignUp

ACTIVITIES_VERSION = "activities"
PLACES_VERSION = "activities.places"
HOURS_VERSION = "activities.hours"
# What the hours queue shows of a volunteer record, or scopes it by.
VOLUNTEER_IN_HOURS = ("first_name", "last_name", "district")


PEOPLE_VERSION = "activities.people"
# What the roster shows of an account: who added someone, who waived the requirements.
PEOPLE_IN_ROSTER = ("first_name", "last_name", "email")


def roster_version(activity_id: int) -> str:
    return f"activities.roster.{activity_id}"


def signups_version(volunteer_id: int) -> str:
    return f"activities.signups.{volunteer_id}"


def bump_activities() -> None:
    versions.bump(ACTIVITIES_VERSION)


def bump_signups(volunteer_ids: Iterable[int]) -> None:
    """The sign-ups of these volunteers changed, and so do the public counts of places."""
    versions.bump(PLACES_VERSION, *(signups_version(pk) for pk in set(volunteer_ids)))


def bump_hours() -> None:
    versions.bump(HOURS_VERSION)


def bump_rosters(activity_ids: Iterable[int]) -> None:
    versions.bump(*(roster_version(pk) for pk in set(activity_ids)))


def bump_places() -> None:
    versions.bump(PLACES_VERSION)


def activity_or_shift_changed(sender, **kwargs) -> None:
    bump_activities()


def participant_changed(sender, **kwargs) -> None:
    bump_places()


def _activity_of(signup: SignUp) -> int | None:
    """The activity of a sign-up: from its shift when loaded (the services lock it first),
    else by the shift's key; None when the shift is gone (its delete bumps the activities)."""
    if SignUp.shift.field.is_cached(signup):
        return signup.shift.activity_id
    return Shift.objects.filter(pk=signup.shift_id).values_list("activity_id", flat=True).first()


def signup_changed(sender, *, instance, **kwargs) -> None:
    bump_signups([instance.volunteer_id])
    if (activity_id := _activity_of(instance)) is not None:
        bump_rosters([activity_id])


def people_changed(sender, **kwargs) -> None:
    versions.bump(PEOPLE_VERSION)


def hours_changed(sender, **kwargs) -> None:
    bump_hours()
