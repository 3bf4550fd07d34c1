"""Public announcements: published, for everyone. The text is the Markdown the municipality
wrote (the site renders it through its sanitiser; a reader of the API renders it her way)."""

import datetime

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from esit.opendata import selectors

from .caching import public_cache
from .schemas import FIRST_DAY, LAST_DAY, PAGE_SIZE, Pages

router = Router(tags=["announcements"])


class Announcement(Schema):
    id: int
    url: str
    title_tr: str
    title_en: str
    body_tr: str
    body_en: str
    published_at: datetime.datetime | None
    activity_id: int | None

    @staticmethod
    def resolve_url(announcement) -> str:
        return reverse("announcements:detail", args=[announcement.pk])


class Period(Schema):
    start: datetime.date | None = Field(None, ge=FIRST_DAY, le=LAST_DAY, description="YYYY-MM-DD")
    end: datetime.date | None = Field(None, ge=FIRST_DAY, le=LAST_DAY, description="YYYY-MM-DD")


@router.get("", response=list[Announcement], summary="Herkese açık duyurular / Announcements")
@decorate_view(public_cache)
@paginate(Pages, page_size=PAGE_SIZE)
def list_announcements(request: HttpRequest, period: Query[Period]):
    """Published announcements for everyone, newest first; `start` and `end` (days) keep
    those published within them."""
    return selectors.public_announcements(start=period.start, end=period.end)
