"""Reads for sign-ups: the volunteer's own shifts, the staff roster and the check-in sheet.

Each runs a fixed number of queries however many shifts and sign-ups exist.
"""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict, cast

from django.conf import settings
from django.core.paginator import Page
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce
from django.utils import timezone

from esit.accounts.models import User
from esit.activities.models import Activity, Shift, SignUp
from esit.core.pagination import IdsFirst, KnownCountPaginator
from esit.volunteers.models import Volunteer

from .scope import visible_activities, within

PAST_SHIFTS_SHOWN = 50


class WaitlistPosition(TypedDict):
    waitlist_position: int


class AwaitingComing(TypedDict):
    awaiting_coming: bool
    position: int  # its place in its group on the whole roster (the waitlist's order)


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


# Sign-ups on one page of the roster: the 20,000 of a city-wide event are 200 pages, each a
# few dozen kilobytes of HTML, never one page of megabytes.
ROSTER_PAGE_SIZE = 50

# The groups coordinators look at, in the roster's order; keyed by the status's value.
_GROUPS: tuple[tuple[str, str], ...] = (
    (SignUp.Status.CONFIRMED, "confirmed"),
    (SignUp.Status.PENDING, "pending"),
    (SignUp.Status.WAITLISTED, "waitlisted"),
    (SignUp.Status.CANCELLED, "cancelled"),
)
_GROUP: dict[str, str] = dict(_GROUPS)


@dataclass
class RosterShift:
    """One shift of the roster: how many are in each group, and this page's sign-ups in each."""

    shift: Shift
    counts: dict[str, int] = field(default_factory=dict)
    # Reminded but silent: the people a coordinator may want to replace in time.
    not_confirmed_coming: int = 0
    confirmed: "list[RosterSignUp]" = field(default_factory=list)
    pending: "list[RosterSignUp]" = field(default_factory=list)
    waitlisted: "list[RosterSignUp]" = field(default_factory=list)
    cancelled: "list[RosterSignUp]" = field(default_factory=list)
    takes_sign_ups: bool = False

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def confirmed_count(self) -> int:
        return self.count(SignUp.Status.CONFIRMED)

    @property
    def pending_count(self) -> int:
        return self.count(SignUp.Status.PENDING)

    @property
    def waitlisted_count(self) -> int:
        return self.count(SignUp.Status.WAITLISTED)

    @property
    def cancelled_count(self) -> int:
        return self.count(SignUp.Status.CANCELLED)

    @property
    def places_taken(self) -> int:
        return self.confirmed_count + self.pending_count

    @property
    def on_this_page(self) -> bool:
        return bool(self.confirmed or self.pending or self.waitlisted or self.cancelled)


@dataclass
class Roster:
    activity: Activity
    shifts: list[RosterShift]
    page: "Page[SignUp]"
    total: int


def awaiting_coming_confirmation(signup: SignUp) -> bool:
    return (
        signup.status == SignUp.Status.CONFIRMED
        and signup.reminder_sent_at is not None
        and signup.coming_confirmed_at is None
        and signup.attendance == SignUp.Attendance.UNKNOWN
    )


def roster_signups(activity: Activity) -> QuerySet[SignUp]:
    """Every sign-up of `activity` in the roster's order, sorted by the database: shift by
    shift, the groups in turn, confirmed volunteers by surname then first name in Turkish
    order (the volunteer's `name_key`), the others in the order they came (a waitlist is the
    order places are offered). Phone numbers come with them: staff pages only."""
    group = Case(
        *(When(status=status, then=Value(rank)) for rank, (status, _) in enumerate(_GROUPS)),
        default=Value(len(_GROUPS)),
        output_field=IntegerField(),
    )
    by_name = Case(
        When(status=SignUp.Status.CONFIRMED, then=F("volunteer__name_key")),
        default=Value(""),
        output_field=CharField(),
    )
    return (
        SignUp.objects.filter(shift__activity=activity)
        .select_related(*_ROSTER_PEOPLE)
        .order_by("shift__starts_at", "shift_id", group, by_name, "created_at", "id")
    )


# Who a roster's row names: the volunteer (with her e-mail), who added her, who waived.
_ROSTER_PEOPLE = ("volunteer__user", "added_by", "requirements_waived_by")


def _roster_shifts(activity: Activity) -> list[RosterShift]:
    """The activity's shifts with their counts by group: one query, whatever the sign-ups."""
    counts = {
        f"n_{status}": Count("signups", filter=Q(signups__status=status)) for status, _ in _GROUPS
    }
    silent = Q(
        signups__status=SignUp.Status.CONFIRMED,
        signups__reminder_sent_at__isnull=False,
        signups__coming_confirmed_at__isnull=True,
        signups__attendance=SignUp.Attendance.UNKNOWN,
    )
    shifts = (
        Shift.objects.filter(activity=activity)
        .annotate(n_silent=Count("signups", filter=silent), **counts)
        .order_by("starts_at", "id")
    )
    rows = []
    for shift in shifts:
        shift.activity = activity
        row = RosterShift(shift=shift, not_confirmed_coming=getattr(shift, "n_silent"))  # noqa: B009
        for status, _ in _GROUPS:
            if found := getattr(shift, f"n_{status}"):
                row.counts[status] = found
        rows.append(row)
    return rows


def roster_activity(*, user: User, activity_id: int) -> Activity | None:
    """The activity whose roster `user` may see, or None."""
    return (
        visible_activities(user).select_related("kind", "district").filter(pk=activity_id).first()
    )


def roster_size(activity: Activity) -> int:
    return SignUp.objects.filter(shift__activity=activity).count()


def roster(*, user: User, activity_id: int, page: str | int | None = 1) -> Roster | None:
    """An activity's shifts with one page of everyone signed up, in four queries whatever
    their number: the activity, its shifts with their counts by group, the page's sign-up
    ids in the roster's order, those sign-ups with their people.

    None for an activity unknown or outside the user's scope.
    """
    activity = roster_activity(user=user, activity_id=activity_id)
    if activity is None:
        return None
    return roster_of(activity, page=page)


def roster_of(activity: Activity, *, page: str | int | None = 1) -> Roster:
    """The roster of an activity already found (`roster_activity`), in three queries."""
    shifts = _roster_shifts(activity)
    total = sum(sum(row.counts.values()) for row in shifts)
    # Ids first: the 20,000 sign-ups of a large activity are sorted without their accounts.
    paginator = KnownCountPaginator(
        IdsFirst(roster_signups(activity), read=SignUp.objects.select_related(*_ROSTER_PEOPLE)),
        ROSTER_PAGE_SIZE,
        count=total,
    )
    found = paginator.get_page(page)
    # Where each group starts in the whole roster's order: a waitlisted row's place in the
    # queue is its index in the roster less its group's start.
    starts: dict[tuple[int, str], int] = {}
    offset = 0
    for row in shifts:
        for status, _ in _GROUPS:
            starts[(row.shift.pk, status)] = offset
            offset += row.count(status)
    by_shift = {row.shift.pk: row for row in shifts}
    for index, signup in enumerate(
        cast("Iterable[RosterSignUp]", found.object_list), start=found.start_index() - 1
    ):
        row = by_shift[signup.shift_id]
        signup.shift = row.shift
        signup.awaiting_coming = awaiting_coming_confirmation(signup)
        signup.position = index - starts[(signup.shift_id, signup.status)] + 1
        getattr(row, _GROUP[signup.status]).append(signup)
    return Roster(activity=activity, shifts=shifts, page=found, total=total)


def roster_rows(activity: Activity) -> "Iterator[tuple[SignUp, int | None]]":
    """Every sign-up of the roster in its order, read from the database in chunks (a CSV
    of 20,000 keeps a few thousand in memory), each with its place in its shift's waitlist
    (None when not waitlisted)."""
    shift_id, position = None, 0
    chunk = settings.EXPORT_CHUNK_SIZE
    for signup in roster_signups(activity).select_related("shift").iterator(chunk_size=chunk):
        if signup.shift_id != shift_id:
            shift_id, position = signup.shift_id, 0
        if signup.status == SignUp.Status.WAITLISTED:
            position += 1
            yield signup, position
        else:
            yield signup, None


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
