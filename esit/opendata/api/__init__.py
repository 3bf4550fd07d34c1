"""The open-data API `/api/v1/` (django-ninja), read-only JSON (docs/opendata.md).

One router module per dataset family, mounted here in `ROUTERS`: adding a dataset is one module
with its router and one line below.

Every operation:
- is a GET, answers JSON and needs no account, cookie or session (nothing here reads one);
- is rate limited per client (`OPEN_DATA_RATE_LIMIT`, django-ratelimit through
  `esit.core.rate_limits`, the counter keyed by a hash of the address, never the address):
  over the limit, a 429 with a JSON body and `Retry-After`;
- says how long it may be kept (`Cache-Control: public, max-age=OPEN_DATA_CACHE_SECONDS`);
  the project's ConditionalGetMiddleware adds the `ETag` and answers 304 to a client that has
  the same body already;
- may be read from any web page (CORS for reads only, `esit.opendata.middleware`).

The documentation `/api/v1/docs` is django-ninja's Swagger UI from its own static files
(`ninja` in INSTALLED_APPS): no inline script and no CDN, so it runs under the site's CSP
unchanged (tests/browser/test_opendata.py watches for a refusal).
"""

import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled
from ninja.throttling import BaseThrottle

from esit.core.rate_limits import allowed, parse_rate

from . import activities, announcements, ideas, statistics

ROUTERS = (
    ("/activities/", activities.router),
    ("/announcements/", announcements.router),
    ("/ideas-done/", ideas.router),
    ("/statistics/", statistics.router),
)


class PerClient(BaseThrottle):
    """`OPEN_DATA_RATE_LIMIT` requests per client address (read on each request), counted by
    django-ratelimit like the public forms' limits; fails open when the cache is down."""

    def allow_request(self, request: HttpRequest) -> bool:
        return allowed(request, "open-data-api", parse_rate(settings.OPEN_DATA_RATE_LIMIT))


api = NinjaAPI(
    title="Eşit İzmir açık veri / open data",
    version="1",
    description=(
        "Eşit İzmir gönüllü ağının açık verileri: herkese açık etkinlikler, duyurular, gerçekleşen "
        "fikirler ve küçük hücreleri gizlenmiş toplu istatistikler. / Open data of the Eşit İzmir "
        "volunteer network: public activities, announcements, ideas done and aggregate "
        "statistics with small cells suppressed. See /open-data/."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    throttle=[PerClient()],
)

for prefix, router in ROUTERS:
    api.add_router(prefix, router)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=error.status_code)


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, error: Throttled) -> HttpResponse:
    """Over the limit: a JSON body saying so and when to come back (the end of the window)."""
    response = api.create_response(
        request,
        {"detail": _("Çok fazla istek gönderildi; biraz sonra yeniden deneyin.")},
        status=429,
    )
    seconds = parse_rate(settings.OPEN_DATA_RATE_LIMIT).seconds
    response["Retry-After"] = str(seconds - int(time.time()) % seconds)
    return response
