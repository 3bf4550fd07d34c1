"""What the staff workspace's front page shows of activities: the next two days' shifts,
and the hours and deliveries waiting for a coordinator. A fixed number of queries each."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone

from esit.accounts.models import User
from esit.activities.models import Activity, HoursEntry, Shift, SignUp, TaskAssignment
from esit.core.dates import start_of_day

from .scope import visible_hours, within

SHIFTS_SHOWN = 20


class ShiftToWatch(TypedDict):
    confirmed: int
    silent: list[SignUp]  # reminded, not yet confirmed coming


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # A type only: WithAnnotations takes its model and fields in type checking, not at run time.
    WatchedShift = WithAnnotations[Shift, ShiftToWatch]


@dataclass(frozen=True)
class NextShifts:
    shifts: "list[WatchedShift]"
    more: int  # shifts in the two days beyond the ones shown


def shifts_today_and_tomorrow(*, user: User, now: datetime.datetime | None = None) -> NextShifts:
    """Published shifts of the user's scope starting today or tomorrow in İzmir, soonest
    first, with how full they are and who was reminded but has not said they are coming."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    window = within(user, Shift.objects.all(), activity="activity").filter(
        activity__status=Activity.Status.PUBLISHED,
        starts_at__gte=start_of_day(today),
        starts_at__lt=start_of_day(today + datetime.timedelta(days=2)),
    )
    silent = SignUp.objects.filter(
        status=SignUp.Status.CONFIRMED,
        reminder_sent_at__isnull=False,
        coming_confirmed_at__isnull=True,
        attendance=SignUp.Attendance.UNKNOWN,
    ).select_related("volunteer")
    shifts = list(
        window.select_related("activity")
        .annotate(confirmed=Count("signups", filter=Q(signups__status=SignUp.Status.CONFIRMED)))
        .prefetch_related(Prefetch("signups", queryset=silent, to_attr="silent"))
        .order_by("starts_at", "id")[:SHIFTS_SHOWN]
    )
    more = window.count() - len(shifts) if len(shifts) == SHIFTS_SHOWN else 0
    return NextShifts(shifts=shifts, more=more)


@dataclass(frozen=True)
class Waiting:
    count: int
    oldest: datetime.datetime | datetime.date | None


def hours_waiting(*, user: User) -> Waiting:
    found = (
        visible_hours(user)
        .filter(status=HoursEntry.Status.PENDING)
        .aggregate(count=Count("id"), oldest=Min("date"))
    )
    return Waiting(count=found["count"], oldest=found["oldest"])


def deliveries_waiting(*, user: User) -> Waiting:
    found = (
        within(user, TaskAssignment.objects.all(), activity="task__activity")
        .filter(status=TaskAssignment.Status.DELIVERED)
        .aggregate(count=Count("id"), oldest=Min("delivered_at"))
    )
    return Waiting(count=found["count"], oldest=found["oldest"])
