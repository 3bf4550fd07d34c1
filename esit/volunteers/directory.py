"""What the staff directory of volunteers knows about their work, given by the app that
records it.

The directory (`selectors.directory`) filters and sorts by a volunteer's work: whether she
has attended anything yet, when she was last active, her approved hours in a period. That
work is recorded by activities, which sits above volunteers, so volunteers cannot query it.
Activities registers a `WorkMeasures` in its `AppConfig.ready()`: functions that return
database expressions on `Volunteer` rows (a `Subquery` or an `Exists` over its own models,
correlated with `OuterRef("pk")`). The directory annotates its queryset with them, so the
numbers are computed in the same query as the page, whatever the number of volunteers,
and are never a second copy that could drift from the rows they count.

Without a registered provider (volunteers on its own, in a test) the measures are empty:
no one has attended, no hours, never active.
"""

import datetime
import decimal
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import BooleanField, DateField, DecimalField, Expression, Value

HOURS_FIELD = DecimalField(max_digits=9, decimal_places=2)


@dataclass(frozen=True)
class WorkMeasures:
    # Exists: she has attended at least one shift (a first-timer has not).
    attended: Callable[[], Expression]
    # The last day she did any recorded work (a DateField), or NULL.
    last_active_on: Callable[[], Expression]
    # Her approved hours on days in [start, end] (either may be None: open-ended), never NULL.
    approved_hours: Callable[[datetime.date | None, datetime.date | None], Expression]
    # The content versions (esit/core/versions.py) that change when any of these does: the
    # directory's kept results are kept under them.
    versions: tuple[str, ...] = ()


_NONE = WorkMeasures(
    attended=lambda: Value(False, output_field=BooleanField()),
    last_active_on=lambda: Value(None, output_field=DateField()),
    approved_hours=lambda start, end: Value(decimal.Decimal(0), output_field=HOURS_FIELD),
)
_provided: list[WorkMeasures] = []


def provide(measures: WorkMeasures) -> WorkMeasures:
    """Register the measures (once: one app records volunteers' work)."""
    _provided[:] = [measures]
    return measures


def measures() -> WorkMeasures:
    return _provided[0] if _provided else _NONE
