"""What activities adds to volunteers' staff pages: the work measures of the directory
(esit/volunteers/directory.py) and the sections of a volunteer's page (`staff_volunteer`
panels, esit/core/panels.py): her sign-ups, tasks, hours and certificates.

Each section reads its rows in a fixed number of queries, the latest ones only, whatever
her history; the page itself is already limited to volunteers of the reader's scope.
"""

import datetime
import decimal

from django.db.models import Exists, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from esit.core import panels
from esit.volunteers import directory

from .models import Certificate, HoursEntry, SignUp, TaskAssignment
from .selectors.hours import approved_totals_by_area, total_of
from .versions import HOURS_VERSION, PLACES_VERSION

SHOWN = 20


def _attended():
    return Exists(
        SignUp.objects.filter(volunteer=OuterRef("pk"), attendance=SignUp.Attendance.ATTENDED)
    )


def _last_active_on():
    """The last day of work recorded for her: an attended shift or a task gives an hours
    entry, and so does work she reported; a rejected entry is not work."""
    return Subquery(
        HoursEntry.objects.filter(volunteer=OuterRef("pk"))
        .exclude(status=HoursEntry.Status.REJECTED)
        .order_by("-date")
        .values("date")[:1]
    )


def _approved_hours(start: datetime.date | None, end: datetime.date | None):
    entries = HoursEntry.objects.filter(volunteer=OuterRef("pk"), status=HoursEntry.Status.APPROVED)
    if start is not None:
        entries = entries.filter(date__gte=start)
    if end is not None:
        entries = entries.filter(date__lte=end)
    total = entries.order_by().values("volunteer").annotate(total=Sum("hours")).values("total")
    return Coalesce(
        Subquery(total, output_field=directory.HOURS_FIELD),
        Value(decimal.Decimal(0)),
        output_field=directory.HOURS_FIELD,
    )


def _signups(request, *, volunteer):
    rows = (
        SignUp.objects.filter(volunteer=volunteer)
        .select_related("shift__activity")
        .order_by("-shift__starts_at", "-id")[:SHOWN]
    )
    return {"signups": list(rows), "shown": SHOWN}


def _tasks(request, *, volunteer):
    rows = (
        TaskAssignment.objects.filter(volunteer=volunteer)
        .select_related("task__activity")
        .order_by("-claimed_at", "-id")[:SHOWN]
    )
    return {"assignments": list(rows), "shown": SHOWN}


def _hours(request, *, volunteer):
    totals = approved_totals_by_area(volunteer)
    entries = (
        HoursEntry.objects.filter(volunteer=volunteer)
        .select_related("activity", "area")
        .order_by("-date", "-id")[:SHOWN]
    )
    return {"totals": totals, "total": total_of(totals), "entries": list(entries), "shown": SHOWN}


def _certificates(request, *, volunteer):
    return {"certificates": list(Certificate.objects.filter(volunteer=volunteer)[:SHOWN])}


SECTIONS = [
    ("signups", _signups, 30),
    ("tasks", _tasks, 40),
    ("hours", _hours, 50),
    ("certificates", _certificates, 60),
]


def register() -> None:
    directory.provide(
        directory.WorkMeasures(
            attended=_attended,
            last_active_on=_last_active_on,
            approved_hours=_approved_hours,
            # Attendance is a sign-up's (every save of one bumps the places), the rest hours'.
            versions=(PLACES_VERSION, HOURS_VERSION),
        )
    )
    for name, context, order in SECTIONS:
        panels.register(
            "staff_volunteer",
            panels.Panel(
                key=f"activities.{name}",
                template=f"activities/volunteer_sections/{name}.html",
                context=context,
                order=order,
            ),
        )
