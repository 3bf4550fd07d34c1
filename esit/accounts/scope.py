"""A coordinator's scope: the volunteer areas and districts they see and act in.

An unscoped staff member (no `StaffScope`, or one with neither areas nor
districts) sees the whole programme. A scoped one sees a record only when it
matches: one of its areas is among the scope's areas (when areas are scoped)
and its district is one of the scope's districts (when districts are scoped).

Selectors apply the scope to every queryset they hand to a staff page, so a
list, a count, a search, an export and a page opened by id agree: a record
outside the scope is simply not found. Each app says, for each of its models,
which path leads to the record's areas and district (`Scope.filter`).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, Model, OuterRef, Q, QuerySet

from .models import StaffScope


@dataclass(frozen=True)
class Scope:
    area_ids: frozenset[int] | None = None  # None: every area
    district_ids: frozenset[int] | None = None  # None: every district

    @property
    def is_whole_programme(self) -> bool:
        return self.area_ids is None and self.district_ids is None

    def condition(self, model: type[Model], *, areas: str | None, district: str | None) -> Q:
        """A Q on `model` for its rows inside the scope; `areas` is the path to its volunteer
        areas (many or one), `district` the path to its district."""
        condition = Q()
        if self.area_ids is not None:
            if areas is None:
                return Q(pk__in=[])
            # Exists, not a join: a record with two matching areas still appears once.
            condition &= Q(
                Exists(
                    model._default_manager.filter(
                        pk=OuterRef("pk"), **{f"{areas}__in": self.area_ids}
                    )
                )
            )
        if self.district_ids is not None:
            if district is None:
                return Q(pk__in=[])
            condition &= Q(**{f"{district}__in": self.district_ids})
        return condition

    def filter[M: Model](
        self, queryset: QuerySet[M], *, areas: str | None, district: str | None
    ) -> QuerySet[M]:
        if self.is_whole_programme:
            return queryset
        return queryset.filter(self.condition(queryset.model, areas=areas, district=district))

    def allows(self, *, area_ids: Iterable[int], district_id: int | None) -> bool:
        """For a record in hand: does it fall inside the scope?"""
        if self.area_ids is not None and not self.area_ids & set(area_ids):
            return False
        return self.district_ids is None or district_id in self.district_ids


WHOLE_PROGRAMME = Scope()


def scope_of(user) -> Scope:
    """The scope of a staff member, read once per request (kept on the user object)."""
    cached = getattr(user, "_esit_scope", None)
    if cached is not None:
        return cached
    areas = StaffScope.areas.through.objects.filter(staffscope_id=user.pk)
    districts = StaffScope.districts.through.objects.filter(staffscope_id=user.pk)
    scope = Scope(
        area_ids=frozenset(areas.values_list("volunteerarea_id", flat=True)) or None,
        district_ids=frozenset(districts.values_list("district_id", flat=True)) or None,
    )
    user._esit_scope = scope
    return scope
