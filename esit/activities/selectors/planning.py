"""Reads for the staff planning pages: the activity list, one activity, a shift, a task.

Counts are subqueries or filtered aggregates over one join, so the list runs
the same number of queries for three activities as for five thousand
(docs/product.md, "Quality bars"), and a count never multiplies another.
"""

from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import (
    Aggregate,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce

from esit.accounts.models import User
from esit.core.search import matching, search_words
from esit.volunteers.models import Volunteer

from ..models import Activity, Participant, Shift, SignUp, Task, TaskAssignment
from .scope import visible_activities, within

VOLUNTEER_CHOICES_MAX = 50


class ActivityCounts(TypedDict):
    shift_count: int
    capacity: int
    confirmed: int


class ParticipantCounts(TypedDict):
    participants_confirmed: int
    participants_waitlisted: int


class ShiftPlaces(TypedDict):
    taken: int
    active: int


class ShiftSignUps(TypedDict):
    confirmed: int
    pending: int
    waitlisted: int


class TaskPlaces(TypedDict):
    working: int


class TaskWithAssignments(TaskPlaces):
    active_assignments: list[TaskAssignment]


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # Types only: WithAnnotations takes its model and fields in type checking, not at run time.
    ListedActivity = WithAnnotations[Activity, ActivityCounts]
    PlannedActivity = WithAnnotations[Activity, ParticipantCounts]
    PlannedShift = WithAnnotations[Shift, ShiftPlaces]
    CountedShift = WithAnnotations[Shift, ShiftSignUps]
    CountedTask = WithAnnotations[Task, TaskPlaces]
    PlannedTask = WithAnnotations[Task, TaskWithAssignments]


def _per_activity(queryset: QuerySet[Any], path: str, aggregate: Aggregate) -> Coalesce:
    """One number per activity from a related table (`path` leads to the activity)."""
    subquery = (
        queryset.filter(**{path: OuterRef("pk")})
        .order_by()
        .values(path)
        .annotate(value=aggregate)
        .values("value")
    )
    return Coalesce(Subquery(subquery, output_field=IntegerField()), 0)


def staff_activity_list(*, user: User) -> "QuerySet[ListedActivity]":
    """Every activity of the user's scope, drafts and cancelled ones too, latest start first,
    with its counts.

    Each row carries `shift_count`, `capacity` (places over all shifts) and
    `confirmed` (confirmed sign-ups over all shifts). The list's filters
    (esit/activities/filters.py) narrow this queryset.
    """
    return (
        visible_activities(user)
        .select_related("kind", "district")
        .annotate(
            shift_count=_per_activity(Shift.objects.all(), "activity", Count("id")),
            capacity=_per_activity(Shift.objects.all(), "activity", Sum("capacity")),
            confirmed=_per_activity(
                SignUp.objects.filter(status=SignUp.Status.CONFIRMED),
                "shift__activity",
                Count("id"),
            ),
        )
        .order_by("-starts_at", "-id")
    )


def _shifts_with_counts() -> "QuerySet[CountedShift]":
    return (
        Shift.objects.prefetch_related("required_areas", "required_languages")
        .annotate(
            confirmed=Count("signups", filter=Q(signups__status=SignUp.Status.CONFIRMED)),
            pending=Count("signups", filter=Q(signups__status=SignUp.Status.PENDING)),
            waitlisted=Count("signups", filter=Q(signups__status=SignUp.Status.WAITLISTED)),
        )
        .order_by("starts_at", "id")
    )


def _tasks_with_counts() -> "QuerySet[CountedTask]":
    return (
        Task.objects.prefetch_related("required_areas", "required_languages")
        .annotate(
            working=Count(
                "assignments", filter=Q(assignments__status__in=TaskAssignment.ACTIVE_STATUSES)
            )
        )
        .order_by("due_date", "id")
    )


def staff_activity_detail(pk: int, *, user: User) -> "PlannedActivity":
    """One activity of the user's scope with its shifts and tasks and their counts; raises
    Activity.DoesNotExist."""
    return (
        visible_activities(user)
        .select_related("kind", "district", "created_by")
        .prefetch_related(
            "areas",
            Prefetch("shifts", queryset=_shifts_with_counts()),
            Prefetch("tasks", queryset=_tasks_with_counts()),
        )
        .annotate(
            participants_confirmed=_per_activity(
                Participant.objects.filter(status=Participant.Status.CONFIRMED),
                "activity",
                Count("id"),
            ),
            participants_waitlisted=_per_activity(
                Participant.objects.filter(status=Participant.Status.WAITLISTED),
                "activity",
                Count("id"),
            ),
        )
        .get(pk=pk)
    )


def staff_activity(pk: int, *, user: User) -> Activity:
    """An activity of the user's scope with what its edit form shows; raises
    Activity.DoesNotExist."""
    return (
        visible_activities(user)
        .select_related("kind", "district")
        .prefetch_related("areas")
        .get(pk=pk)
    )


def staff_shift(*, user: User, activity_pk: int, pk: int) -> "PlannedShift":
    """A shift of that activity (a shift id from another activity, or outside the user's
    scope, is not found)."""
    return (
        within(user, Shift.objects.all(), activity="activity")
        .select_related("activity")
        .prefetch_related("required_areas", "required_languages")
        .annotate(
            taken=Count(
                "signups",
                filter=Q(signups__status__in=SignUp.PLACE_HOLDING_STATUSES),
            ),
            active=Count("signups", filter=Q(signups__status__in=SignUp.ACTIVE_STATUSES)),
        )
        .get(activity_id=activity_pk, pk=pk)
    )


def staff_task(*, user: User, activity_pk: int, pk: int) -> "PlannedTask":
    """A task of that activity (a task id from another activity, or outside the user's scope,
    is not found)."""
    return (
        within(user, _tasks_with_counts(), activity="activity")
        .select_related("activity")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=TaskAssignment.objects.filter(
                    status__in=TaskAssignment.ACTIVE_STATUSES
                ).select_related("volunteer", "requirements_waived_by"),
                to_attr="active_assignments",
            )
        )
        .get(activity_id=activity_pk, pk=pk)
    )


def assignable_volunteers(*, search: str = "") -> QuerySet[Volunteer]:
    """Active volunteers whose name or e-mail matches, in Turkish-aware search; at most 50.

    Without a search nobody is listed: a city's volunteers do not fit in one list.
    """
    if not search_words(search):
        return Volunteer.objects.none()
    queryset = Volunteer.objects.filter(status=Volunteer.Status.ACTIVE).select_related("user")
    queryset = matching(queryset, search)
    return queryset.order_by("first_name", "last_name", "id")[:VOLUNTEER_CHOICES_MAX]
