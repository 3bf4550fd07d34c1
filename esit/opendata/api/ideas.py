"""Ideas done: the network's ideas that became activities which happened (the public record of
/ideas/done/), with the activity's dates, district or online, the idea's area and plan goals,
and the hours volunteers gave. Nothing about who wrote, supported or worked on them: no
author, no nickname, no name of anyone."""

import datetime
from decimal import Decimal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from esit.opendata import selectors
from esit.reports.suppression import suppressed

from .activities import Period, PlanGoal
from .caching import public_cache
from .schemas import PAGE_SIZE, Named, Pages, named

router = Router(tags=["ideas"])


class DoneActivity(Schema):
    id: int
    url: str | None = Field(description="The activity's public page (published or completed).")
    title_tr: str
    title_en: str
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class IdeaDone(Schema):
    id: int
    title: str
    area: Named
    plan_goals: list[PlanGoal]
    activity: DoneActivity
    district: Named
    online: bool
    approved_hours: float | None = Field(
        description="Hours approved for the activity; None when fewer than 5 volunteers "
        "worked them."
    )
    approved_hours_suppressed: bool

    @staticmethod
    def resolve_area(idea) -> dict:
        return named(idea.area)

    @staticmethod
    def resolve_plan_goals(idea) -> list[dict]:
        return [{**named(goal), "plan_area": goal.area.slug} for goal in idea.plan_goals.all()]

    @staticmethod
    def resolve_activity(idea) -> dict:
        activity = idea.activity
        return {
            "id": activity.pk,
            "url": reverse("activities:detail", args=[activity.pk]),
            "title_tr": activity.title_tr,
            "title_en": activity.title_en or activity.title_tr,
            "status": activity.status,
            "starts_at": activity.starts_at,
            "ends_at": activity.ends_at,
        }

    @staticmethod
    def resolve_district(idea) -> dict:
        return named(idea.activity.district)

    @staticmethod
    def resolve_online(idea) -> bool:
        return idea.activity.is_online

    @staticmethod
    def resolve_approved_hours(idea) -> float | None:
        hours: Decimal = idea.approved_hours
        return None if _hidden(idea) else float(hours)

    @staticmethod
    def resolve_approved_hours_suppressed(idea) -> bool:
        return _hidden(idea)


def _hidden(idea) -> bool:
    """Hours are hidden when 1 to 4 volunteers worked them (none: zero hours, shown)."""
    return suppressed(idea.approved_hours, people=idea.workers) is None


@router.get("", response=list[IdeaDone], summary="Gerçekleşen fikirler / Ideas done")
@decorate_view(public_cache)
@paginate(Pages, page_size=PAGE_SIZE)
def list_ideas_done(request: HttpRequest, period: Query[Period]):
    """Ideas of the volunteer network that became activities which happened (completed, or
    published with a shift over), the latest first; `start` and `end` (days) keep those whose
    activity starts within them."""
    return selectors.public_ideas_done(start=period.start, end=period.end)
