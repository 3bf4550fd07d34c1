"""/staff/reports/: the impact dashboard, for staff with `reports.view_reports`.

The figures are cached for a few minutes (REPORT_CACHE_SECONDS): the key holds the reader's
scope, the filters and the language, so two coordinators with different scopes never see
each other's figures, and the page says when its figures were computed. The CSV downloads
hold aggregates only, with small cells suppressed, never a person's details, so they are
not written to the audit trail (docs/reports.md).
"""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from esit.accounts.permissions import capability_required
from esit.accounts.scope import scope_of
from esit.core.spreadsheets import csv_download
from esit.reference.filters import rendered_fields

from . import annual, charts, selectors
from .forms import AnnualReportForm, ReportFilterForm
from .workspace import VIEW_REPORTS

REPORT_CACHE_SECONDS = 5 * 60


def _cache_key(request, filters: selectors.ReportFilters) -> str:
    scope = scope_of(request.user)
    parts = [
        get_language() or "",
        ",".join(str(pk) for pk in sorted(scope.area_ids or ())),
        ",".join(str(pk) for pk in sorted(scope.district_ids or ())),
        filters.key(),
    ]
    digest = hashlib.sha256("/".join(parts).encode()).hexdigest()[:32]
    return f"reports:v1:{digest}"


def _report(request, filters: selectors.ReportFilters) -> selectors.Report:
    key = _cache_key(request, filters)
    report = cache.get(key)
    if report is None:
        report = selectors.impact_report(user=request.user, filters=filters)
        cache.set(key, report, REPORT_CACHE_SECONDS)
    return report


def _dashboard(request, form: ReportFilterForm, annual_form: AnnualReportForm, **kwargs):
    """The dashboard, its figures rendered once and kept with the report they show, in one
    entry (so the two never differ): their tables hold some 1,200 numbers, which Django's
    templates took about 90 ms to write at every request."""
    filters = form.report_filters()
    report_key = _cache_key(request, filters)
    key = f"{report_key}:page"
    kept = cache.get(key)
    if kept is None:
        # Computed afresh, not taken from the report's own entry (which may be minutes old),
        # and stored there too, so the page and its CSV downloads give the same figures.
        report = selectors.impact_report(user=request.user, filters=filters)
        cache.set(report_key, report, REPORT_CACHE_SECONDS)
        context = {"report": report, "query": _query(form)}
        html = str(render_to_string("reports/partials/figures.html", context, request=request))
        kept = (report, html)
        cache.set(key, kept, REPORT_CACHE_SECONDS)
    report, html = kept
    context = {
        "filter_form": form,
        "filter_fields": rendered_fields(request, form),
        "report": report,
        "figures": mark_safe(html),  # noqa: S308 - our own template's output, escaped then
        "query": _query(form),
        "annual_form": annual_form,
    }
    return render(request, "reports/dashboard.html", context, **kwargs)


def _query(form: ReportFilterForm) -> str:
    """The valid filters as a query string, for the CSV links."""
    filters = form.report_filters()
    pairs = {
        "start": filters.start.isoformat() if filters.start else "",
        "end": filters.end.isoformat() if filters.end else "",
        "area": filters.area_id or "",
        "district": filters.district_id or "",
        "plan_area": filters.plan_area_id or "",
    }
    return urlencode({name: value for name, value in pairs.items() if value})


@require_GET
@capability_required(VIEW_REPORTS)
def dashboard(request):
    return _dashboard(request, ReportFilterForm(request.GET or None), AnnualReportForm())


@require_GET
@capability_required(VIEW_REPORTS)
def figure_csv(request, key: str):
    form = ReportFilterForm(request.GET or None)
    figure = _report(request, form.report_filters()).figure(key)
    if figure is None:
        raise Http404
    header = [figure.label_heading, *figure.columns]
    rows = ([row.label, *(_csv_cell(cell) for cell in row.cells)] for row in figure.rows)
    return csv_download(f"esit-izmir-{figure.key}.csv", header, rows)


def _csv_cell(cell: selectors.Cell) -> object:
    return charts.cell_text(cell) if cell is None else cell


@require_GET
@capability_required(VIEW_REPORTS)
def annual_report(request):
    """The year's impact report as a PDF, within the reader's scope and the page's area,
    district and plan area; a bad year or language is said on the dashboard."""
    form = AnnualReportForm(request.GET)
    if not form.is_valid():
        return _dashboard(request, ReportFilterForm(None), form, status=400)
    year, language = form.cleaned_data["year"], form.cleaned_data["language"]
    pdf = annual.render_annual_report_pdf(
        user=request.user,
        year=year,
        language=language,
        filters=ReportFilterForm(request.GET).report_filters(),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="esit-izmir-etki-raporu-{year}.pdf"'
    return response
