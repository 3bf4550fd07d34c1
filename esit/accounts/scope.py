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

from .standing import standing_of


@dataclass(frozen=True)
class Scope:
    area_ids: frozenset[int] | None = None  # None: every area
    district_ids: frozenset[int] | None = None  # None: every district

    @property
    def is_whole_programme(self) -> bool:
        return self.area_ids is None and self.district_ids is None

    @property
    def key(self) -> str:
        """The scope in a cache key: staff with the same scope share a list kept rendered."""

        def ids(chosen: frozenset[int] | None) -> str:
            return "all" if chosen is None else ",".join(map(str, sorted(chosen)))

        return f"areas={ids(self.area_ids)};districts={ids(self.district_ids)}"

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
    """The scope of a staff member, from her standing (read once, kept in the cache)."""
    standing = standing_of(user)
    return Scope(
        area_ids=standing.scope_area_ids or None,
        district_ids=standing.scope_district_ids or None,
    )
