"""Shapes shared by the routers: a name in both languages, an error."""

import datetime

from ninja import Schema

PAGE_SIZE = 20  # items per page of the lists (`?page=2`…)
# The days a list may be filtered by: the programme's lifetime with room to spare (a day in
# year 1 or 9999 is no question anyone asks, and the databases disagree about them).
FIRST_DAY, LAST_DAY = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)


class Named(Schema):
    code: str
    label_tr: str
    label_en: str


class Error(Schema):
    detail: str


def named(row) -> dict[str, str]:
    """A reference row (district, area, kind, plan goal) by its slug and both names."""
    return {"code": row.slug, "label_tr": row.name_tr, "label_en": row.name_en or row.name_tr}
