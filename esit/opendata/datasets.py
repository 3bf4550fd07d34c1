"""The published tables as the API and the CSV downloads give them: their keys, the period
asked for, the cache, the JSON shape and the CSV rows, so both read the very same cells."""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja.responses import NinjaJSONEncoder

from . import selectors
from .selectors import MAX_MONTHS, Month, Statistic

BY_KEY: dict[str, tuple[str, str]] = {
    selectors.dataset_key(measure, dimension): (measure, dimension)
    for measure, dimension in selectors.DATASETS
}
KEYS = tuple(BY_KEY)


class PeriodError(ValueError):
    """A period that cannot be answered; the message is translated and says why."""


def period(*, start: str | None, end: str | None) -> tuple[Month, Month]:
    """The whole months asked for (YYYY-MM each), by default the last twelve.

    Whole months only, never days, and each month always the same cells (see selectors), so
    two answers cannot be subtracted into a smaller group than one published cell.
    """
    _default_first, default_last = selectors.default_period()
    try:
        last = Month.parse(end) if end else default_last
        first = Month.parse(start) if start else last.minus(selectors.DEFAULT_MONTHS - 1)
    except ValueError as error:
        raise PeriodError(_("Ay YYYY-AA biçiminde ve 2000 ile 2100 arasında olmalı.")) from error
    if first > last:
        raise PeriodError(_("Başlangıç ayı bitiş ayından sonra olamaz."))
    if len(selectors.months_between(first, last)) > MAX_MONTHS:
        raise PeriodError(
            _("Bir istekte en çok %(months)s ay istenebilir.") % {"months": MAX_MONTHS}
        )
    # Only months that can hold data are counted (and cached): not before the programme's
    # first month, not after this one; anything else would be a fresh query for nothing.
    earliest = Month.parse(settings.OPEN_DATA_FIRST_MONTH)
    if first < earliest:
        raise PeriodError(
            _("Veriler %(month)s ayından başlıyor; daha önceki bir ay istenemez.")
            % {"month": earliest}
        )
    if last > default_last:
        raise PeriodError(
            _("En son %(month)s ayı istenebilir; gelecek aylar için veri yok.")
            % {"month": default_last}
        )
    return first, last


@dataclass(frozen=True)
class Published:
    """A table as computed once: its cells (for the CSV) and its JSON, written once too."""

    statistic: Statistic
    body: bytes


def cached_statistic(key: str, *, first: Month, last: Month) -> Published:
    """The table, counted once per `OPEN_DATA_CACHE_SECONDS` for the same months (the answer
    says when it was computed); the API and the CSV read the same copy, so they always show
    the same cells. The JSON is kept written: a reader's request costs a cache read, not the
    building and checking of some four hundred cells (docs/performance.md)."""
    measure, dimension = BY_KEY[key]
    digest = hashlib.sha256(f"{key}|{first}|{last}".encode()).hexdigest()[:32]
    cache_key = f"opendata:v2:{digest}"
    found = cache.get(cache_key)
    if found is None:
        statistic = selectors.statistic(
            measure=measure, dimension=dimension, first=first, last=last
        )
        body = json.dumps(as_json(statistic), cls=NinjaJSONEncoder).encode()
        found = Published(statistic=statistic, body=body)
        cache.set(cache_key, found, settings.OPEN_DATA_CACHE_SECONDS)
    return found


def licence() -> dict[str, str]:
    return {
        "name": settings.OPEN_DATA_LICENCE_NAME,
        "url": settings.OPEN_DATA_LICENCE_URL,
        "attribution": settings.OPEN_DATA_ATTRIBUTION,
    }


def _value(value: Any) -> Any:
    """Hours as a number with two decimals; counts as they are."""
    if value is None or isinstance(value, int):
        return value
    return round(float(value), 2)


def as_json(statistic: Statistic) -> dict[str, Any]:
    return {
        "key": selectors.dataset_key(statistic.measure, statistic.dimension),
        "measure": statistic.measure,
        "dimension": statistic.dimension,
        "unit": statistic.unit,
        "start": statistic.rows[0].month,
        "end": statistic.rows[-1].month,
        "computed_at": statistic.computed_at,
        "licence": licence(),
        "categories": [
            {"code": c.code, "label_tr": c.label_tr, "label_en": c.label_en}
            for c in statistic.categories
        ],
        "rows": [
            {
                "month": row.month,
                "total": {
                    "category": None,
                    "value": _value(row.total.value),
                    "suppressed": row.total.suppressed,
                },
                "cells": [
                    {
                        "category": category.code,
                        "value": _value(cell.value),
                        "suppressed": cell.suppressed,
                    }
                    for category, cell in zip(statistic.categories, row.cells, strict=True)
                ],
            }
            for row in statistic.rows
        ],
    }


def csv_header(statistic: Statistic, *, english: bool) -> list[str]:
    labels = [c.label_en if english else c.label_tr for c in statistic.categories]
    return [_("Ay"), _("Toplam"), *labels]


def csv_rows(statistic: Statistic) -> Iterator[list[Any]]:
    """The same cells as the JSON; a suppressed one (under 5, or hidden so that another
    cannot be worked out) is written "gizli" ("suppressed")."""
    for row in statistic.rows:
        yield [row.month, *(_csv(cell) for cell in (row.total, *row.cells))]


def _csv(cell: selectors.Cell) -> Any:
    return _("gizli") if cell.suppressed else _value(cell.value)


# What the page says about them ---------------------------------------------------------------

MEASURES: dict[str, tuple[Any, Any]] = {
    "volunteers": (
        gettext_lazy("Gönüllüler"),
        gettext_lazy(
            "Ay içinde onaylanmış gönüllülük saati olan gönüllülerin sayısı (her gönüllü bir "
            "kez sayılır; iki ilçede çalışan her ikisinde görünür)."
        ),
    ),
    "hours": (
        gettext_lazy("Gönüllülük saatleri"),
        gettext_lazy(
            "Ay içindeki onaylanmış gönüllülük saatlerinin toplamı; onu çalışan gönüllüler 5'ten "
            "azsa gizlenir."
        ),
    ),
    "activities": (
        gettext_lazy("Etkinlikler"),
        gettext_lazy(
            "Ay içinde başlayan, yayında ya da tamamlanmış herkese açık etkinliklerin sayısı. "
            "Kişi saymadığı için gizlenmez."
        ),
    ),
    "participants": (
        gettext_lazy("Katılımcılar"),
        gettext_lazy(
            "Ay içinde başlayan etkinliklere kaydı onaylanmış halktan katılımcıların sayısı."
        ),
    ),
}

DIMENSIONS: dict[str, tuple[Any, Any]] = {
    "district": (
        gettext_lazy("İlçe"),
        gettext_lazy(
            "Saatler için etkinliğin ilçesi, etkinliği olmayan çalışmada gönüllünün ilçesi."
        ),
    ),
    "area": (
        gettext_lazy("Gönüllülük alanı"),
        gettext_lazy("Saat kaydının ya da etkinliğin alanı."),
    ),
    "age-group": (
        gettext_lazy("Yaş grubu"),
        gettext_lazy("Gönüllünün çalıştığı yıl içinde ulaştığı yaş (yalnızca doğum yılından)."),
    ),
    "gender": (
        gettext_lazy("Cinsiyet"),
        gettext_lazy("Gönüllünün kendi belirttiği cinsiyet; belirtmeyenler ayrı bir gruptur."),
    ),
    "plan-area": (
        gettext_lazy("Eşitlik planı alanı"),
        gettext_lazy(
            "Etkinliğin etiketlendiği Yerel Eşitlik Eylem Planı alanı; iki alana etiketli bir "
            "etkinlik ikisinde de sayılır."
        ),
    ),
}


def described() -> list[dict[str, Any]]:
    """Every table with its measure's and dimension's names and explanations, for the page."""
    return [
        {
            "key": key,
            "measure": MEASURES[measure][0],
            "measure_text": MEASURES[measure][1],
            "dimension": DIMENSIONS[dimension][0],
            "dimension_text": DIMENSIONS[dimension][1],
        }
        for key, (measure, dimension) in BY_KEY.items()
    ]
