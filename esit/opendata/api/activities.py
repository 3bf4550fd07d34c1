"""Public activities: published or completed, with their shifts' times, district or online,
areas and plan goals. Nothing about who works or takes part in them."""

import datetime

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from esit.opendata import selectors

from .caching import public_cache
from .schemas import FIRST_DAY, LAST_DAY, PAGE_SIZE, Named, Pages, named

router = Router(tags=["activities"])


class Shift(Schema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class PlanGoal(Named):
    plan_area: str


class Activity(Schema):
    id: int
    url: str
    title_tr: str
    title_en: str
    description_tr: str
    description_en: str
    kind: Named
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    district: Named
    online: bool
    areas: list[Named]
    plan_goals: list[PlanGoal]
    shifts: list[Shift]

    @staticmethod
    def resolve_url(activity) -> str:
        return reverse("activities:detail", args=[activity.pk])

    @staticmethod
    def resolve_kind(activity) -> dict:
        return named(activity.kind)

    @staticmethod
    def resolve_district(activity) -> dict:
        return named(activity.district)

    @staticmethod
    def resolve_online(activity) -> bool:
        return activity.is_online

    @staticmethod
    def resolve_areas(activity) -> list[dict]:
        return [named(area) for area in activity.areas.all()]

    @staticmethod
    def resolve_plan_goals(activity) -> list[dict]:
        return [{**named(goal), "plan_area": goal.area.slug} for goal in activity.plan_goals.all()]

    @staticmethod
    def resolve_shifts(activity) -> list[dict]:
        return [
            {"starts_at": shift.starts_at, "ends_at": shift.ends_at}
            for shift in activity.shifts.all()
        ]


class Period(Schema):
    start: datetime.date | None = Field(None, ge=FIRST_DAY, le=LAST_DAY, description="YYYY-MM-DD")
    end: datetime.date | None = Field(None, ge=FIRST_DAY, le=LAST_DAY, description="YYYY-MM-DD")


@router.get("", response=list[Activity], summary="Herkese açık etkinlikler / Public activities")
@decorate_view(public_cache)
@paginate(Pages, page_size=PAGE_SIZE)
def list_activities(request: HttpRequest, period: Query[Period]):
    """Published and completed activities, soonest first; `start` and `end` (days) keep
    those that start within them."""
    return selectors.public_activities(start=period.start, end=period.end)
