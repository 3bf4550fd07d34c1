"""Reading hours: a volunteer's own entries and totals, and the coordinators' review queue.

Totals are summed by the database, so a volunteer with a thousand entries costs
the same one query as a volunteer with three.
"""

import datetime
import decimal
from dataclasses import dataclass

from django.db.models import QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.activities.models import HoursEntry
from esit.volunteers.models import Volunteer
from esit.volunteers.selectors import not_listed

from .scope import visible_hours

ZERO = decimal.Decimal(0)


@dataclass(frozen=True)
class AreaTotal:
    area_id: int | None
    name_tr: str
    name_en: str
    hours: decimal.Decimal

    @property
    def name(self) -> str:
        if self.area_id is None:
            return str(_("Alan belirtilmemiş"))
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_tr


@dataclass(frozen=True)
class MonthTotal:
    month: datetime.date  # the first day of the month
    hours: decimal.Decimal


def _approved(volunteer: Volunteer) -> QuerySet[HoursEntry]:
    return HoursEntry.objects.filter(volunteer=volunteer, status=HoursEntry.Status.APPROVED)


def approved_totals_by_area(volunteer: Volunteer) -> list[AreaTotal]:
    """Approved hours per volunteer area, the areas in their list order; one query."""
    rows = (
        _approved(volunteer)
        .order_by()
        .values("area_id", "area__name_tr", "area__name_en", "area__position")
        .annotate(total=Sum("hours"))
        .order_by("area__position", "area__name_tr")
    )
    totals = [
        AreaTotal(
            area_id=row["area_id"],
            name_tr=row["area__name_tr"] or "",
            name_en=row["area__name_en"] or "",
            hours=row["total"] or ZERO,
        )
        for row in rows
    ]
    # Work without an area comes last, whatever the database's order for NULL.
    return sorted(totals, key=lambda total: total.area_id is None)


def approved_totals_by_month(volunteer: Volunteer) -> list[MonthTotal]:
    """Approved hours per calendar month, newest first; one query.

    `HoursEntry.date` is already the day in İzmir (Europe/Istanbul), so months
    are İzmir's months without any conversion.
    """
    rows = (
        _approved(volunteer)
        .order_by()
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(total=Sum("hours"))
        .order_by("-month")
    )
    return [MonthTotal(month=row["month"], hours=row["total"] or ZERO) for row in rows]


def total_of(totals: list[AreaTotal] | list[MonthTotal]) -> decimal.Decimal:
    return sum((total.hours for total in totals), ZERO)


def own_hours(volunteer: Volunteer) -> QuerySet[HoursEntry]:
    """The volunteer's own entries, newest first, with what the list shows."""
    return (
        HoursEntry.objects.filter(volunteer=volunteer)
        .select_related("area", "activity")
        .order_by("-date", "-id")
    )


def hours_review_queue(*, user: User) -> QuerySet[HoursEntry]:
    """Hours of the user's scope for coordinators to review, oldest work first, with what the
    queue shows. The queue's filters (esit/activities/filters.py) narrow this queryset."""
    return (
        visible_hours(user)
        .select_related(
            # signup__shift: attendance hours become approvable when their shift ends.
            "volunteer",
            "area",
            "activity",
            "task_assignment__task",
            "signup__shift",
        )
        .defer(*not_listed("volunteer__"))
        .order_by("date", "id")
    )
