"""Shapes shared by the routers: a name in both languages, an error."""

from ninja import Schema

PAGE_SIZE = 20  # items per page of the lists (`?page=2`…)


class Named(Schema):
    code: str
    label_tr: str
    label_en: str


class Error(Schema):
    detail: str


def named(row) -> dict[str, str]:
    """A reference row (district, area, kind, plan goal) by its slug and both names."""
    return {"code": row.slug, "label_tr": row.name_tr, "label_en": row.name_en or row.name_tr}
