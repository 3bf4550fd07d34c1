"""Which activities, and which rows hanging off them, a staff member may see and act on.

Activities' half of the coordinator's scope (esit/accounts/scope.py; docs/architecture.md,
"Capabilities and scope"). An activity is inside a scope when
- areas are scoped: one of the scope's areas is an area of the activity or an area
  required by one of its shifts or tasks (an activity with no area at all belongs to no
  area-scoped coordinator);
- districts are scoped: the activity's district is one of the scope's. Every activity has
  a district, online ones included (the district that runs it), so an online activity is
  seen by the coordinators of its own district, like any other.

Shifts, sign-ups, tasks, assignments and participants follow their activity. An hours
entry follows its activity; a self-reported one (no activity) follows its area and the
volunteer's district. Every staff selector of activities starts here, so a list, a count,
a search, an export and a page opened by id agree.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet

from esit.accounts.models import User
from esit.accounts.scope import Scope, scope_of

from ..models import Activity, HoursEntry, Shift, Task

RUN_ACTIVITIES = "activities.run_activities"
APPROVE_HOURS = "activities.approve_hours"


def _activity_condition(scope: Scope) -> Q:
    condition = Q()
    if scope.area_ids is not None:
        areas = scope.area_ids
        condition &= (
            Q(
                Exists(
                    Activity.areas.through.objects.filter(
                        activity_id=OuterRef("pk"), volunteerarea_id__in=areas
                    )
                )
            )
            | Q(
                Exists(
                    Shift.required_areas.through.objects.filter(
                        shift__activity_id=OuterRef("pk"), volunteerarea_id__in=areas
                    )
                )
            )
            | Q(
                Exists(
                    Task.required_areas.through.objects.filter(
                        task__activity_id=OuterRef("pk"), volunteerarea_id__in=areas
                    )
                )
            )
        )
    if scope.district_ids is not None:
        condition &= Q(district_id__in=scope.district_ids)
    return condition


def visible_activities(
    user: User, queryset: QuerySet[Activity] | None = None
) -> QuerySet[Activity]:
    """The activities of the user's scope (all of them for an unscoped staff member)."""
    queryset = Activity.objects.all() if queryset is None else queryset
    scope = scope_of(user)
    if scope.is_whole_programme:
        return queryset
    return queryset.filter(_activity_condition(scope))


def within[M: Model](user: User, queryset: QuerySet[M], *, activity: str) -> QuerySet[M]:
    """Rows of `queryset` whose activity (reached by the path `activity`) is in the scope."""
    if scope_of(user).is_whole_programme:
        return queryset
    return queryset.filter(**{f"{activity}__in": visible_activities(user).order_by().values("pk")})


def visible_hours(user: User, queryset: QuerySet[HoursEntry] | None = None) -> QuerySet[HoursEntry]:
    """Hours entries of the scope: by their activity, or, when self-reported without one,
    by their area and the volunteer's district."""
    queryset = HoursEntry.objects.all() if queryset is None else queryset
    scope = scope_of(user)
    if scope.is_whole_programme:
        return queryset
    of_activity = Q(activity__isnull=False) & Q(
        activity__in=visible_activities(user).order_by().values("pk")
    )
    unattached = Q(activity__isnull=True) & scope.condition(
        HoursEntry, areas="area", district="volunteer__district"
    )
    return queryset.filter(of_activity | unattached)


def check_actor(by: User | None, permission: str, *, activity_id: int | None = None) -> None:
    """Staff decide only with the capability and within their scope.

    The staff pages check first and never show anything else; this keeps a command, a
    task or a tampered request to the same rule. `by` None is the system itself (a task,
    a receiver); a volunteer acting on her own place never comes through here.
    """
    if by is None:
        return
    if not by.has_perm(permission):
        raise PermissionDenied
    if activity_id is None or scope_of(by).is_whole_programme:
        return
    if not visible_activities(by).filter(pk=activity_id).exists():
        raise PermissionDenied


def check_hours_actor(by: User | None, entry_ids: Iterable[int]) -> None:
    """Like `check_actor`, for hours entries: every one of them must be in the scope."""
    if by is None:
        return
    if not by.has_perm(APPROVE_HOURS):
        raise PermissionDenied
    ids = set(entry_ids)
    if scope_of(by).is_whole_programme or not ids:
        return
    if visible_hours(by).filter(pk__in=ids).count() != len(ids):
        raise PermissionDenied
