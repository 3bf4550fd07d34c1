"""Paginators for lists that may hold hundreds of thousands of rows.

Django's Paginator counts every matching row (`SELECT COUNT(*)` over the whole filtered
table) before it shows the first page. `CappedPaginator` counts at most `cap` rows (a COUNT
over a LIMIT, which stops there), and further when someone pages beyond them, so its cost
follows the page asked for, not the table. When more rows exist than were counted, the page
says so ("1.000+ sonuç", "Sayfa 3 / 40+") and "next" still leads on: `count_is_exact` is False,
`count_shown` and `pages_shown` are what templates print (core/pagination.html,
core/result_count.html).

`KnownCountPaginator` is for a list whose total a page has already counted (the roster counts
its sign-ups by shift and status in one query): no second COUNT.

`IdsFirst` hands a paginator a queryset that reads a page in two steps: the page's ids in the
queryset's order, then those rows with their related objects.
"""

import contextlib
import math

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.functional import cached_property

# Rows counted exactly before a list says "more than": forty pages of twenty-five.
COUNT_CAP = 1000


def _counts_by_id(rows: QuerySet) -> bool:
    """Whether counting the ids counts the same rows: not for a slice, a union, a `values()`
    or a `distinct()` queryset, whose rows are not one per id."""
    query = rows.query
    return not (query.is_sliced or query.combinator or query.values_select or query.distinct)


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap or COUNT_CAP
        self.wanted = 1
        self.count_is_exact = True

    def get_page(self, number) -> Page:
        try:
            self.wanted = max(int(number), 1)
        except (TypeError, ValueError):
            self.wanted = 1
        return super().get_page(number)

    def page(self, number) -> Page:
        # A number that is not one: validate_number (in page()) raises the paginator's error.
        with contextlib.suppress(TypeError, ValueError):
            self.wanted = max(int(number), 1)
        return super().page(number)

    @cached_property
    def limit(self) -> int:
        """How many rows are counted: the cap, or as far as the page asked for reaches."""
        return max(self.cap, self.wanted * self.per_page)

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        if isinstance(rows, QuerySet) and _counts_by_id(rows):
            # Counted over the ids alone, unordered: a COUNT over a LIMIT keeps the inner
            # query whole, so the page's columns, joins and per-row subqueries (an idea's
            # comments) would be computed for every counted row.
            rows = rows.order_by().values("pk")
        counted = rows[: self.limit + 1]
        found = counted.count() if hasattr(counted, "count") else len(counted)
        if found > self.limit:
            self.count_is_exact = False
            return self.limit
        return found

    @cached_property
    def num_pages(self) -> int:
        pages = super().num_pages
        # Rows exist past the ones counted: one page more, so "next" leads on.
        return pages + (0 if self.count_is_exact else 1)

    @property
    def count_shown(self) -> str:
        shown = number_format(self.count, force_grouping=True)
        return shown if self.count_is_exact else f"{shown}+"

    @property
    def pages_shown(self) -> str:
        if self.count_is_exact:
            return str(self.num_pages)
        return f"{math.ceil(self.count / self.per_page)}+"


class IdsFirst:
    """A queryset whose slices are read ids first.

    For a long list ordered through a join (the roster sorts 20,000 sign-ups by their
    volunteers' names): the database sorts narrow rows of ids and sort keys, and the page's
    columns and related rows are read for the page's rows alone, not for every row sorted
    before the LIMIT. Two queries a page instead of one.

    `read` is the queryset the page's rows are read from by id, with what the page shows
    (`select_related`); by default the list itself. Give one without the list's filters when
    they join other tables: its ids are then found by primary key alone. Only the list
    decides which rows a reader sees: `read` is given ids the list chose, so it must not be
    the one that holds a scope.

    A row changed between the two reads is shown as it is at the second, and one deleted in
    between leaves the page a row short: both until the page is read again.
    """

    ordered = True

    def __init__(self, rows: QuerySet, *, read: QuerySet | None = None):
        if not rows.ordered:
            raise ValueError("IdsFirst needs an ordered queryset: its pages would differ.")
        self.rows = rows
        self.read = (rows if read is None else read).order_by()

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list:
        if not isinstance(index, slice):
            raise TypeError("IdsFirst is read a page (a slice) at a time.")
        ids = list(self.rows.values_list("pk", flat=True)[index])
        found = self.read.in_bulk(ids)
        # A row gone between the two reads is left out, not an error.
        return [found[pk] for pk in ids if pk in found]


class KnownCountPaginator(Paginator):
    """A Paginator told its total instead of counting it."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.__dict__["count"] = count  # the cached_property's slot: no COUNT query
        self.count_is_exact = True

    @property
    def count_shown(self) -> str:
        return number_format(self.count, force_grouping=True)

    @property
    def pages_shown(self) -> str:
        return str(self.num_pages)
