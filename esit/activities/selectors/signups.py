"""Reads for sign-ups: the volunteer's own shifts, the staff roster and the check-in sheet.

Each runs a fixed number of queries however many shifts and sign-ups exist.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict, cast

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce
from django.utils import timezone

from esit.accounts.models import User
from esit.activities.models import Activity, Shift, SignUp
from esit.core.turkish import sort_key
from esit.volunteers.models import Volunteer

from .scope import visible_activities, within

PAST_SHIFTS_SHOWN = 50


class WaitlistPosition(TypedDict):
    waitlist_position: int


class AwaitingComing(TypedDict):
    awaiting_coming: bool


class ShiftPlaces(TypedDict):
    places_taken: int
    waitlisted: int


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # Types only: WithAnnotations takes its model and fields in type checking, not at run time.
    MySignUp = WithAnnotations[SignUp, WaitlistPosition]
    # A roster's sign-up carries whether its volunteer was reminded and has not answered yet.
    RosterSignUp = WithAnnotations[SignUp, AwaitingComing]
    CountedShift = WithAnnotations[Shift, ShiftPlaces]


def _waitlist_position() -> CombinedExpression:
    """1 for the first waitlisted sign-up of its shift, 2 for the next… (by created_at, id)."""
    ahead = (
        SignUp.objects.filter(shift=OuterRef("shift"), status=SignUp.Status.WAITLISTED)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("shift")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(ahead), 0) + 1


@dataclass(frozen=True)
class MyShifts:
    upcoming: "list[MySignUp]"
    past: list[SignUp]


def my_shifts(*, volunteer: Volunteer, now: datetime.datetime | None = None) -> MyShifts:
    """The volunteer's sign-ups: upcoming (soonest first) and the latest past ones."""
    now = now or timezone.now()
    base = SignUp.objects.filter(volunteer=volunteer).select_related("shift__activity__district")
    upcoming = list(
        base.filter(shift__ends_at__gt=now)
        .annotate(waitlist_position=_waitlist_position())
        .order_by("shift__starts_at", "id")
    )
    past = list(
        base.filter(shift__ends_at__lte=now).order_by("-shift__starts_at", "-id")[
            :PAST_SHIFTS_SHOWN
        ]
    )
    return MyShifts(upcoming=upcoming, past=past)


def shift_for_sign_up(*, shift_id: int) -> Shift | None:
    return Shift.objects.select_related("activity").filter(pk=shift_id).first()


def own_signup(*, volunteer: Volunteer, signup_id: int) -> SignUp | None:
    """One of the volunteer's own sign-ups; someone else's is as good as missing."""
    return (
        SignUp.objects.select_related("shift__activity", "volunteer")
        .filter(pk=signup_id, volunteer=volunteer)
        .first()
    )


def shift_for_adding(*, user: User, shift_id: int) -> "CountedShift | None":
    """A shift of the user's scope with its activity, requirements and places, for adding a
    volunteer to it."""
    return (
        within(user, Shift.objects.all(), activity="activity")
        .select_related("activity")
        .prefetch_related("required_areas", "required_languages")
        .annotate(
            places_taken=Count(
                "signups", filter=Q(signups__status__in=SignUp.PLACE_HOLDING_STATUSES)
            ),
            waitlisted=Count("signups", filter=Q(signups__status=SignUp.Status.WAITLISTED)),
        )
        .filter(pk=shift_id)
        .first()
    )


def signup_for_staff(*, user: User, signup_id: int) -> SignUp | None:
    return (
        within(user, SignUp.objects.all(), activity="shift__activity")
        .select_related("shift__activity", "volunteer__user")
        .filter(pk=signup_id)
        .first()
    )


@dataclass
class RosterShift:
    """One shift of the roster with its sign-ups sorted into the groups coordinators look at."""

    shift: Shift
    confirmed: "list[RosterSignUp]" = field(default_factory=list)
    pending: "list[RosterSignUp]" = field(default_factory=list)
    waitlisted: "list[RosterSignUp]" = field(default_factory=list)
    cancelled: "list[RosterSignUp]" = field(default_factory=list)

    @property
    def not_confirmed_coming(self) -> "list[RosterSignUp]":
        """Reminded but silent: the people a coordinator may want to replace in time."""
        return [s for s in self.confirmed if awaiting_coming_confirmation(s)]

    @property
    def places_taken(self) -> int:
        return len(self.confirmed) + len(self.pending)


def awaiting_coming_confirmation(signup: SignUp) -> bool:
    return (
        signup.status == SignUp.Status.CONFIRMED
        and signup.reminder_sent_at is not None
        and signup.coming_confirmed_at is None
        and signup.attendance == SignUp.Attendance.UNKNOWN
    )


# Keyed by the status's value, which is what a row's `status` holds.
_GROUP: dict[str, str] = {
    SignUp.Status.CONFIRMED: "confirmed",
    SignUp.Status.PENDING: "pending",
    SignUp.Status.WAITLISTED: "waitlisted",
    SignUp.Status.CANCELLED: "cancelled",
}


def roster(*, user: User, activity_id: int) -> tuple[Activity, list[RosterShift]] | None:
    """An activity's shifts with everyone signed up, in three queries whatever their number.

    Waitlists come in the order places are offered (created_at, id); volunteers'
    phone numbers are included, so only staff pages may use this. None for an activity
    unknown or outside the user's scope.
    """
    activity = (
        visible_activities(user).select_related("kind", "district").filter(pk=activity_id).first()
    )
    if activity is None:
        return None
    signups = SignUp.objects.select_related(
        "volunteer__user", "checked_in_by", "added_by", "requirements_waived_by"
    ).order_by("created_at", "id")
    shifts = (
        Shift.objects.filter(activity=activity)
        .prefetch_related(Prefetch("signups", queryset=signups))
        .order_by("starts_at", "id")
    )
    rows = []
    for shift in shifts:
        shift.activity = activity
        row = RosterShift(shift=shift)
        # Each gets `awaiting_coming` below, before any page reads it.
        for signup in cast("Iterable[RosterSignUp]", shift.signups.all()):
            signup.shift = shift
            signup.awaiting_coming = awaiting_coming_confirmation(signup)
            getattr(row, _GROUP[signup.status]).append(signup)
        row.confirmed.sort(
            key=lambda s: sort_key(f"{s.volunteer.last_name} {s.volunteer.first_name}")
        )
        rows.append(row)
    return activity, rows


@dataclass(frozen=True)
class CheckInSheet:
    shift: Shift
    checked_in: list[SignUp]
    expected: int
    still_expected: int


def check_in_sheet(*, user: User, shift_id: int) -> CheckInSheet | None:
    """A shift of the user's scope and who has checked in so far (latest first), in two
    queries."""
    shift = (
        within(user, Shift.objects.all(), activity="activity")
        .select_related("activity")
        .annotate(
            expected=Count("signups", filter=Q(signups__status=SignUp.Status.CONFIRMED)),
            still_expected=Count(
                "signups",
                filter=Q(
                    signups__status=SignUp.Status.CONFIRMED,
                    signups__attendance=SignUp.Attendance.UNKNOWN,
                ),
            ),
        )
        .filter(pk=shift_id)
        .first()
    )
    if shift is None:
        return None
    checked_in = list(
        SignUp.objects.filter(
            shift=shift,
            status=SignUp.Status.CONFIRMED,
            attendance=SignUp.Attendance.ATTENDED,
        )
        .select_related("volunteer")
        .order_by(F("checked_in_at").desc(nulls_last=True), "-id")
    )
    return CheckInSheet(
        shift=shift,
        checked_in=checked_in,
        expected=shift.expected,
        still_expected=shift.still_expected,
    )
