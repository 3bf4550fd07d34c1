"""Staff lists whose results are kept rendered (docs/performance.md): the hours queue, the
application queue and the directory of volunteers (`kept_results`), and an activity's roster
(`keep`, with its own parts).

A page of such a list is the same for every staff member with the same scope: its count (and
the filters' errors), its table's caption and rows, and its page links are rendered once per
scope, language, query (what of it the list reads, `versions.page_request`) and version of
what the rows show, and kept STAFF_LIST_CACHE_SECONDS at most. What is the reader's own is
rendered around them at each request: the bulk form with its CSRF token and decision
fields. A form sent back with its ticks (a refused decision) is rendered afresh, with them.

The list's template defines the partials `list-summary`, `list-caption` and `list-rows`,
rendered with `page_obj`, `filter_form`, `selected_ids` and what the view adds.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.paginator import Page
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from . import versions

# In the kept copies' key: a deploy that changes what is kept (`ListResults`, the roster's
# `KeptRoster`) reads none of the old ones.
RESULTS_SHAPE = 2


@dataclass(frozen=True)
class ListResults:
    # Our templates' output, escaped as they were rendered; kept (pickled) as SafeStrings.
    summary: SafeString
    caption: SafeString
    rows: SafeString
    pages: SafeString
    found: bool
    # The first moment a row stops being true by the clock alone (a shift that ends), if any.
    changes_at: datetime.datetime | None = None


def render_results(
    read: HttpRequest,
    template: str,
    page: Page,
    context: dict[str, Any],
    *,
    changes_at: datetime.datetime | None = None,
) -> ListResults:
    context = {**context, "page_obj": page}
    return ListResults(
        summary=render_to_string(f"{template}#list-summary", context),
        caption=render_to_string(f"{template}#list-caption", context),
        rows=render_to_string(f"{template}#list-rows", context),
        pages=render_to_string("core/pagination.html", context, request=read),
        found=bool(page.object_list),
        changes_at=changes_at,
    )


def next_midnight() -> datetime.datetime:
    """The start of tomorrow on the programme's clock: when "today" in a row (an age, "active
    in the last 30 days") changes."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))


def kept_until(changes_at: datetime.datetime | None) -> int:
    """STAFF_LIST_CACHE_SECONDS, and no longer than until `changes_at` (at least a second)."""
    if changes_at is None:
        return settings.STAFF_LIST_CACHE_SECONDS
    return versions.seconds_until(
        changes_at, at_most=settings.STAFF_LIST_CACHE_SECONDS, now=timezone.now()
    )


def keep[T](
    key: str,
    names: tuple[str, ...],
    build: Callable[[], T],
    *,
    changes_at: Callable[[T], datetime.datetime | None],
) -> T:
    """`build()`'s value kept under `key` and the versions of `names`, no longer than
    STAFF_LIST_CACHE_SECONDS nor past `changes_at(value)`; built at every request when
    STAFF_LIST_CACHE_SECONDS is 0 (the default over the database cache, where a copy of the
    rows' names and contacts would be a row of a table and of its backups)."""
    if settings.STAFF_LIST_CACHE_SECONDS <= 0:
        return build()
    return versions.cached(
        f"kept-list:{RESULTS_SHAPE}:{key}",
        names,
        build,
        timeout=lambda value: kept_until(changes_at(value)),
    )


def kept_results(
    read: HttpRequest,
    *,
    name: str,
    scope_key: str,
    names: tuple[str, ...],
    build: Callable[[], ListResults],
    selected_ids: set[str],
) -> ListResults:
    """The list's results, kept under the versions of `names` (see the module's docstring);
    `build()` when there is no copy, or when the reader's ticks are shown."""
    if selected_ids:
        return build()
    return keep(
        f"{name}:{scope_key}:{get_language()}:{versions.query_digest(read)}",
        names,
        build,
        changes_at=lambda results: results.changes_at,
    )
