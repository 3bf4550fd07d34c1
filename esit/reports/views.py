"""/staff/reports/: the impact dashboard, for staff with `reports.view_reports`."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from esit.accounts.permissions import capability_required

from .workspace import VIEW_REPORTS


@require_GET
@capability_required(VIEW_REPORTS)
def dashboard(request) -> HttpResponse:
    return render(request, "reports/dashboard.html", {})


@require_GET
@capability_required(VIEW_REPORTS)
def figure_csv(request, key: str) -> HttpResponse:
    raise Http404
