"""Shapes shared by the routers: a name in both languages, an error."""

import datetime

from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.pagination import PageNumberPagination

PAGE_SIZE = 20  # items per page of the lists (`?page=2`…)
# The last page number a list answers: far past any list's end (an empty page), and short of
# the numbers whose offset neither database can hold (a server error before the ceiling).
LAST_PAGE = 100_000
# The days a list may be filtered by: the programme's lifetime with room to spare (a day in
# year 1 or 9999 is no question anyone asks, and the databases disagree about them).
FIRST_DAY, LAST_DAY = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)


class Pages(PageNumberPagination):
    """ninja's page numbers, with a ceiling on both numbers: out of range is a 422."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=LAST_PAGE)
        page_size: int | None = Field(None, ge=1, le=ninja_settings.PAGINATION_MAX_PER_PAGE_SIZE)


class Named(Schema):
    code: str
    label_tr: str
    label_en: str


class Error(Schema):
    detail: str


def named(row) -> dict[str, str]:
    """A reference row (district, area, kind, plan goal) by its slug and both names."""
    return {"code": row.slug, "label_tr": row.name_tr, "label_en": row.name_en or row.name_tr}
