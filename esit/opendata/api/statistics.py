"""Aggregate statistics: one table per measure × dimension, month by month, small cells
suppressed (the method: esit/opendata/selectors.py and docs/opendata.md)."""

import datetime
from enum import StrEnum

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.decorators import decorate_view

from esit.opendata import datasets, selectors

from .caching import public_cache
from .schemas import Error

router = Router(tags=["statistics"])

Dataset = StrEnum(  # type: ignore[misc]  # the published tables, one value each
    "Dataset", {key.replace("-", "_"): key for key in datasets.KEYS}
)

MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


class Licence(Schema):
    name: str
    url: str
    attribution: str


class DatasetSummary(Schema):
    key: str
    measure: str
    dimension: str
    unit: str
    url: str
    csv_url: str


class Category(Schema):
    code: str
    label_tr: str
    label_en: str


class Cell(Schema):
    category: str | None = Field(None, description="The category's code; none for the total.")
    value: float | int | None = Field(description="None when suppressed.")
    suppressed: bool


class Row(Schema):
    month: str
    total: Cell
    cells: list[Cell]


class Statistic(Schema):
    key: str
    measure: str
    dimension: str
    unit: str
    start: str
    end: str
    computed_at: datetime.datetime
    licence: Licence
    categories: list[Category]
    rows: list[Row]


class Months(Schema):
    start: str | None = Field(None, pattern=MONTH, description="First month, YYYY-MM.")
    end: str | None = Field(None, pattern=MONTH, description="Last month, YYYY-MM.")


@router.get("", response=list[DatasetSummary], summary="Tablolar / Datasets")
@decorate_view(public_cache)
def list_datasets(request: HttpRequest):
    """Every published table, with where to read it as JSON and as CSV."""
    return [
        {
            "key": key,
            "measure": measure,
            "dimension": dimension,
            "unit": selectors.MEASURES[measure].unit,
            "url": reverse("api-v1:statistic", args=[key]),
            "csv_url": reverse("opendata:csv", args=[key]),
        }
        for key, (measure, dimension) in datasets.BY_KEY.items()
    ]


@router.get(
    "{dataset}/",
    response={200: Statistic, 400: Error},
    url_name="statistic",
    summary="Bir tablo / One table",
)
@decorate_view(public_cache)
def statistic(request: HttpRequest, dataset: Path[Dataset], months: Query[Months]):
    """One table, a row per month from `start` to `end` (whole months, YYYY-MM, at most 36;
    by default the last twelve). Cells of fewer than 5 people are null with `suppressed`."""
    try:
        first, last = datasets.period(start=months.start, end=months.end)
    except datasets.PeriodError as error:
        return Status(400, {"detail": str(error)})
    published = datasets.cached_statistic(dataset.value, first=first, last=last)
    # Written once when computed, in the shape of `Statistic` (schemathesis checks it).
    return HttpResponse(published.body, content_type="application/json; charset=utf-8")
