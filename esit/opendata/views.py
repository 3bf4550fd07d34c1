"""/open-data/: what each dataset counts, how small cells are hidden, the licence, and the
tables as CSV (the very cells of the API, through the same cache)."""

import time

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from esit.core.rate_limits import allowed, parse_rate
from esit.core.spreadsheets import csv_download
from esit.reports.suppression import MIN_CELL

from . import datasets, selectors


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    first, last = selectors.default_period()
    return render(
        request,
        "opendata/index.html",
        {
            "datasets": datasets.described(),
            "measures": datasets.MEASURES.values(),
            "dimensions": datasets.DIMENSIONS.values(),
            "first": first,
            "last": last,
            "licence": datasets.licence(),
            "min_cell": MIN_CELL,
            "max_months": selectors.MAX_MONTHS,
            "cache_minutes": settings.OPEN_DATA_CACHE_SECONDS // 60,
            "ideas_api_url": reverse("api-v1:list_ideas_done"),
            "ideas_page_url": reverse("community:done"),
        },
    )


@require_GET
def dataset_csv(request: HttpRequest, key: str) -> HttpResponseBase:
    """The table of the last twelve months (or `start`/`end`, whole months) as CSV."""
    if key not in datasets.BY_KEY:
        raise Http404
    # The API's limit, on the same counter: the CSV is the same tables, not a second budget.
    if not allowed(request, "open-data-api", parse_rate(settings.OPEN_DATA_RATE_LIMIT)):
        seconds = parse_rate(settings.OPEN_DATA_RATE_LIMIT).seconds
        refused = HttpResponse(
            _("Çok fazla istek gönderildi; biraz sonra yeniden deneyin."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        refused["Retry-After"] = str(seconds - int(time.time()) % seconds)
        return refused
    try:
        first, last = datasets.period(
            start=request.GET.get("start") or None, end=request.GET.get("end") or None
        )
    except datasets.PeriodError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    statistic = datasets.cached_statistic(key, first=first, last=last).statistic
    response = csv_download(
        f"esit-izmir-{key}-{first}-{last}.csv",
        datasets.csv_header(statistic, english=get_language() == "en"),
        datasets.csv_rows(statistic),
    )
    # Aggregates with small cells hidden, for everyone: unlike the staff exports, any cache
    # may keep them for a few minutes.
    del response["Cache-Control"]
    patch_cache_control(response, public=True, max_age=settings.OPEN_DATA_CACHE_SECONDS)
    return response
