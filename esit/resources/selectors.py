"""Reads of the resource library, scoped to what the reader may see.

Who sees what: a visitor sees published, visible (not hidden by moderation) resources for
everyone; a signed-in volunteer taking part and staff also see those for volunteers only.
Staff who manage the library see the resources of their scope in the review queue and on
its pages (esit/accounts/scope.py): a resource is in a coordinator's scope when one of its
areas is one of the scope's areas. Resources have no district (the library is the whole
programme's material, like an online activity it is not held anywhere), so districts do not
narrow it: a coordinator scoped only to districts sees every resource, one scoped to areas
sees those of her areas, and a resource with no area at all belongs to no area-scoped
coordinator (as an activity with no area). Outside the scope a resource is not found (404).
"""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from esit.accounts.models import User
from esit.accounts.scope import scope_of
from esit.core.search import matching
from esit.volunteers import selectors as volunteers

from .models import Resource, Tag

PAGE_SIZE = 20


def sees_volunteer_resources(user: User | None) -> bool:
    """Volunteers in the programme (active or paused, not gone) and staff see volunteers-only
    resources: they are the programme's internal material. The same rule as the network's
    (volunteers.selectors.in_programme)."""
    return volunteers.in_programme(user=user)


def visible_to(user: User | None) -> QuerySet[Resource]:
    rows: QuerySet[Resource] = Resource.objects.published().visible()
    if not sees_volunteer_resources(user):
        rows = rows.filter(audience=Resource.Audience.PUBLIC)
    return rows


def may_see(resource: Resource, user: User | None) -> bool:
    """The same rule for one resource (the report page asks it)."""
    if resource.is_hidden or resource.status != Resource.Status.PUBLISHED:
        return False
    return resource.audience == Resource.Audience.PUBLIC or sees_volunteer_resources(user)


def _with_relations(rows: QuerySet[Resource]) -> QuerySet[Resource]:
    return rows.select_related("uploaded_by").prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("name")), "areas"
    )


def library(*, user: User | None, area: str = "", tag: str = "", q: str = "") -> QuerySet[Resource]:
    """The library's list: newest first, filtered by area (slug), tag (slug) and a Turkish
    search over titles and tags."""
    rows = visible_to(user)
    if area:
        rows = rows.filter(areas__slug=area)
    if tag:
        rows = rows.filter(tags__slug=tag)
    if q:
        rows = matching(rows, q)
    return _with_relations(rows.distinct().order_by("-published_at", "-pk"))


def resource_for(*, user: User | None, pk: int) -> Resource:
    """One resource the reader may see; Resource.DoesNotExist otherwise."""
    return _with_relations(visible_to(user)).get(pk=pk)


def tags_in_use(*, user: User | None) -> QuerySet[Tag]:
    return Tag.objects.filter(resources__in=visible_to(user)).distinct().order_by("name")


def in_scope(*, user: User, queryset: QuerySet[Resource] | None = None) -> QuerySet[Resource]:
    """The resources of the staff member's scope (module docstring): by area only."""
    rows = Resource.objects.all() if queryset is None else queryset
    scope = scope_of(user)
    if scope.area_ids is None:
        return rows
    return rows.filter(
        Exists(
            Resource.areas.through.objects.filter(
                resource_id=OuterRef("pk"), volunteerarea_id__in=scope.area_ids
            )
        )
    )


def review_queue(
    *, user: User, status: str = Resource.Status.PENDING, q: str = ""
) -> QuerySet[Resource]:
    """Staff's list, within the reader's scope: proposals waiting first by default, any
    status on request."""
    rows: QuerySet[Resource] = in_scope(user=user)
    if status:
        rows = rows.filter(status=status)
    if q:
        rows = matching(rows, q)
    return _with_relations(
        rows.order_by("created_at" if status == Resource.Status.PENDING else "-created_at", "-pk")
    )


def for_staff(pk: int, *, user: User) -> Resource:
    """One resource of the reader's scope, in any state; Resource.DoesNotExist otherwise."""
    return _with_relations(in_scope(user=user)).get(pk=pk)
