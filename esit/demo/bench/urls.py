"""The bench's URLs: the site's own, and the floor, reachable only while `bench` runs
(it installs this module as ROOT_URLCONF for its own requests; no deployed URLconf
includes it)."""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache

import esit.urls


@never_cache
def floor(request, pk: int):
    """The simplest database-backed answer the stack can give: one primary-key query."""
    found = get_user_model().objects.filter(pk=pk).values_list("pk", flat=True).first()
    return HttpResponse(f"{found}", content_type="text/plain")


urlpatterns = [
    path("bench/floor/<int:pk>/", floor, name="bench_floor"),
    path("", include(esit.urls)),
]
handler403 = esit.urls.handler403
handler500 = esit.urls.handler500
