"""Reads for the public activity pages and the calendar feeds.

Every list here runs a fixed number of queries, however many activities,
shifts, tasks and sign-ups exist: counts are annotated with subqueries
(so joins never multiply rows) and related rows are prefetched.
"""

import datetime
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Substr
from django.utils import timezone

from esit.reference.models import District, VolunteerArea
from esit.volunteers.models import Volunteer

from ..models import Activity, ActivityKind, Participant, Shift, SignUp, Task, TaskAssignment


class ActivityPlaces(TypedDict):
    volunteer_capacity: int
    volunteer_places_taken: int
    participants_confirmed: int
    volunteer_places_left: int
    public_places_left: int


class ConfirmedParticipants(TypedDict):
    participants_confirmed: int


class ShiftPlaces(TypedDict):
    places_taken: int
    waitlisted: int
    returning_taken: int


class TaskPlaces(TypedDict):
    places_taken: int


class FilterChoices(TypedDict):
    kinds: list[ActivityKind]
    areas: list[VolunteerArea]
    districts: list[District]


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # Rows as the public pages read them, with their annotated counts (types only:
    # WithAnnotations takes its model and fields in type checking, not at run time).
    ListedActivity = WithAnnotations[Activity, ActivityPlaces]
    DetailedActivity = WithAnnotations[Activity, ConfirmedParticipants]
    ShiftOnPage = WithAnnotations[Shift, ShiftPlaces]
    TaskOnPage = WithAnnotations[Task, TaskPlaces]


def _count(queryset: QuerySet[Any], group_by: str) -> Coalesce:
    """A correlated COUNT that cannot multiply the outer query's rows."""
    counted = queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _confirmed_participants() -> Coalesce:
    return _count(
        Participant.objects.filter(activity=OuterRef("pk"), status=Participant.Status.CONFIRMED),
        "activity",
    )


def _with_places(activities: QuerySet[Activity]) -> "QuerySet[ListedActivity]":
    """Annotate volunteer places (over all shifts) and public places (participants)."""
    capacity = (
        Shift.objects.filter(activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(total=Sum("capacity"))
        .values("total")
    )
    taken = _count(
        SignUp.objects.filter(
            shift__activity=OuterRef("pk"), status__in=SignUp.PLACE_HOLDING_STATUSES
        ),
        "shift__activity",
    )
    return activities.annotate(
        volunteer_capacity=Coalesce(Subquery(capacity, output_field=IntegerField()), Value(0)),
        volunteer_places_taken=taken,
        participants_confirmed=_confirmed_participants(),
    ).annotate(
        volunteer_places_left=Greatest(
            F("volunteer_capacity") - F("volunteer_places_taken"), Value(0)
        ),
        public_places_left=Greatest(F("public_capacity") - F("participants_confirmed"), Value(0)),
    )


def public_activities() -> "QuerySet[ListedActivity]":
    """Activities the public may see (published or completed), with their places and what the
    list shows. The list's filters (esit/activities/filters.py) choose upcoming or past ones
    and order them; `upcoming` is the default everywhere else."""
    return _with_places(
        Activity.objects.visible_to_public().select_related("kind", "district")
    ).prefetch_related("areas")


def upcoming[A: Activity](
    activities: QuerySet[A], *, now: datetime.datetime | None = None
) -> QuerySet[A]:
    """Published activities that have not ended, soonest first."""
    now = now or timezone.now()
    return activities.filter(status=Activity.Status.PUBLISHED, ends_at__gte=now).order_by(
        "starts_at", "id"
    )


def past[A: Activity](
    activities: QuerySet[A], *, now: datetime.datetime | None = None
) -> QuerySet[A]:
    """Activities that have ended, newest first."""
    now = now or timezone.now()
    return activities.filter(ends_at__lt=now).order_by("-starts_at", "-id")


def filter_choices() -> FilterChoices:
    """The reference rows the list's filters offer: one query each, whatever the data."""
    return {
        "kinds": list(ActivityKind.objects.filter(is_active=True)),
        "areas": list(VolunteerArea.objects.active()),
        "districts": list(District.objects.active()),
    }


def activity_detail(
    *, pk: int, include_drafts: bool = False, volunteer: Volunteer | None = None
) -> "DetailedActivity":
    """One activity with its shifts, tasks and places left, in a fixed number of queries.

    The public sees published, completed and cancelled activities (a cancelled
    one says so, rather than disappearing from a link someone shared); staff
    may preview drafts. With `volunteer`, each shift carries `my_signups` and
    each task `my_assignments`: that volunteer's active rows.
    Raises Activity.DoesNotExist.
    """
    shifts = Shift.objects.annotate(
        places_taken=_count(
            SignUp.objects.filter(shift=OuterRef("pk"), status__in=SignUp.PLACE_HOLDING_STATUSES),
            "shift",
        ),
        waitlisted=_count(
            SignUp.objects.filter(shift=OuterRef("pk"), status=SignUp.Status.WAITLISTED), "shift"
        ),
        # Places held by returning volunteers (someone who attended a shift before):
        # they may hold at most capacity - newcomer_places between them.
        returning_taken=_count(
            SignUp.objects.filter(
                shift=OuterRef("pk"), status__in=SignUp.PLACE_HOLDING_STATUSES
            ).filter(
                Exists(
                    SignUp.objects.filter(
                        volunteer=OuterRef("volunteer"), attendance=SignUp.Attendance.ATTENDED
                    )
                )
            ),
            "shift",
        ),
    ).prefetch_related("required_areas", "required_languages")
    tasks = Task.objects.annotate(
        places_taken=_count(
            TaskAssignment.objects.filter(
                task=OuterRef("pk"), status__in=TaskAssignment.ACTIVE_STATUSES
            ),
            "task",
        )
    ).prefetch_related("required_areas", "required_languages")
    if volunteer is not None:
        shifts = shifts.prefetch_related(
            Prefetch(
                "signups",
                queryset=SignUp.objects.filter(
                    volunteer=volunteer, status__in=SignUp.ACTIVE_STATUSES
                ),
                to_attr="my_signups",
            )
        )
        tasks = tasks.prefetch_related(
            Prefetch(
                "assignments",
                queryset=TaskAssignment.objects.filter(
                    volunteer=volunteer, status__in=TaskAssignment.ACTIVE_STATUSES
                ),
                to_attr="my_assignments",
            )
        )
    activities = (
        Activity.objects.all()
        if include_drafts
        else Activity.objects.exclude(status=Activity.Status.DRAFT)
    )
    return (
        activities.select_related("kind", "district")
        .annotate(participants_confirmed=_confirmed_participants())
        .prefetch_related(
            "areas",
            Prefetch("shifts", queryset=shifts),
            Prefetch("tasks", queryset=tasks),
        )
        .get(pk=pk)
    )


def shifts_on_page(activity: Activity) -> "list[ShiftOnPage]":
    """The shifts `activity_detail` prefetched, with the counts it annotated on each."""
    # The Prefetch's queryset annotated them; the related manager's type cannot say so.
    return cast("list[ShiftOnPage]", list(activity.shifts.all()))


def tasks_on_page(activity: Activity) -> "list[TaskOnPage]":
    """The tasks `activity_detail` prefetched, with `places_taken` annotated on each."""
    return cast("list[TaskOnPage]", list(activity.tasks.all()))


class CalendarEvent(TypedDict):
    """One event of a feed, as the feed writes it: plain values, never a model instance."""

    uid: str
    activity_id: int
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    activity_created_at: datetime.datetime
    activity_updated_at: datetime.datetime
    title_tr: str
    title_en: str
    excerpt_tr: str
    excerpt_en: str
    address: str
    online_url: str
    kind_tr: str
    kind_en: str
    district_tr: str
    district_en: str
    activity_status: str


def _feed_days(name: str) -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, name))


# An activity's own columns an event carries under their own names.
_EVENT_FIELDS = ("title_tr", "title_en", "address", "online_url")


def _event_values(prefix: str = "") -> tuple[tuple[str, ...], dict[str, Any]]:
    """What an event carries of its activity (reached through `prefix`): short texts cut in
    the database, so a feed's size depends on how many events it has, never on how long
    their descriptions are."""
    expressions: dict[str, Any] = {
        "activity_id": F(f"{prefix}id"),
        "activity_status": F(f"{prefix}status"),
        "activity_created_at": F(f"{prefix}created_at"),
        "activity_updated_at": F(f"{prefix}updated_at"),
        "excerpt_tr": Substr(f"{prefix}description_tr", 1, FEED_EXCERPT + 1),
        "excerpt_en": Substr(f"{prefix}description_en", 1, FEED_EXCERPT + 1),
        "kind_tr": F(f"{prefix}kind__name_tr"),
        "kind_en": F(f"{prefix}kind__name_en"),
        "district_tr": F(f"{prefix}district__name_tr"),
        "district_en": F(f"{prefix}district__name_en"),
    }
    if not prefix:
        return _EVENT_FIELDS, expressions
    expressions.update({name: F(f"{prefix}{name}") for name in _EVENT_FIELDS})
    return (), expressions


# Characters of an activity's description an event carries, before its link.
FEED_EXCERPT = 160


def calendar_events(*, now: datetime.datetime | None = None) -> list[CalendarEvent]:
    """The public feed in one query: published activities from CALENDAR_FEED_PAST_DAYS ago to
    CALENDAR_FEED_FUTURE_DAYS ahead, and those cancelled lately (shown as cancelled so
    subscribed calendars remove them), soonest first, at most CALENDAR_FEED_MAX_EVENTS."""
    now = now or timezone.now()
    fields, expressions = _event_values()
    recent = now - _feed_days("CALENDAR_FEED_PAST_DAYS")
    ahead = now + _feed_days("CALENDAR_FEED_FUTURE_DAYS")
    rows = (
        Activity.objects.filter(
            Q(status__in=[Activity.Status.PUBLISHED, Activity.Status.COMPLETED])
            | Q(status=Activity.Status.CANCELLED, updated_at__gte=recent),
            ends_at__gte=recent,
            starts_at__lte=ahead,
        )
        .order_by("starts_at", "id")
        .values(
            "starts_at",
            "ends_at",
            "status",
            *fields,
            uid_value=F("uid"),
            **expressions,
        )[: settings.CALENDAR_FEED_MAX_EVENTS]
    )
    events = []
    for values in rows:
        row: dict[str, Any] = dict(values)
        row["uid"] = str(row.pop("uid_value"))
        events.append(cast(CalendarEvent, row))
    return events


def calendar_shifts(
    *, volunteer: Volunteer, now: datetime.datetime | None = None
) -> list[CalendarEvent]:
    """A volunteer's private feed in one query: confirmed and pending sign-ups, and those
    cancelled lately (so their calendar drops them), for shifts from
    CALENDAR_PRIVATE_FEED_PAST_DAYS ago to CALENDAR_FEED_FUTURE_DAYS ahead, soonest first,
    at most CALENDAR_FEED_MAX_EVENTS. `status` is the sign-up's, `activity_status` the
    activity's."""
    now = now or timezone.now()
    _, expressions = _event_values("shift__activity__")
    rows = (
        SignUp.objects.filter(
            volunteer=volunteer,
            shift__ends_at__gte=now - _feed_days("CALENDAR_PRIVATE_FEED_PAST_DAYS"),
            shift__starts_at__lte=now + _feed_days("CALENDAR_FEED_FUTURE_DAYS"),
        )
        .filter(
            Q(status__in=SignUp.PLACE_HOLDING_STATUSES)
            | Q(
                status=SignUp.Status.CANCELLED,
                cancelled_at__gte=now - _feed_days("CALENDAR_FEED_PAST_DAYS"),
            )
        )
        .exclude(shift__activity__status=Activity.Status.DRAFT)
        .order_by("shift__starts_at", "pk")
        .values(
            "status",
            "pk",
            "shift_id",
            starts_at=F("shift__starts_at"),
            ends_at=F("shift__ends_at"),
            **expressions,
        )[: settings.CALENDAR_FEED_MAX_EVENTS]
    )
    events = []
    for values in rows:
        row: dict[str, Any] = dict(values)
        row["uid"] = f"shift-{row.pop('shift_id')}-signup-{row.pop('pk')}"
        events.append(cast(CalendarEvent, row))
    return events


def volunteer_by_calendar_token(*, token: str) -> Volunteer | None:
    """The active volunteer whose private feed `token` opens, or None."""
    if not token:
        return None
    return Volunteer.objects.filter(calendar_token=token, status=Volunteer.Status.ACTIVE).first()
