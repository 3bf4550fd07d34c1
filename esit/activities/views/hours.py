"""Hours: volunteers log their work and see their totals; coordinators approve in bulk."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts.permissions import capability_required
from esit.accounts.scope import scope_of
from esit.activities import exports
from esit.activities.filters import HoursQueueFilter
from esit.activities.forms.work import BulkHoursForm, LogHoursForm
from esit.activities.models import HoursEntry
from esit.activities.selectors import hours as selectors
from esit.activities.selectors.scope import APPROVE_HOURS
from esit.activities.services import hours as services
from esit.activities.services.errors import ActivityError
from esit.activities.versions import ACTIVITIES_VERSION, HOURS_VERSION
from esit.audit import exports as audited
from esit.core import kept_lists, versions
from esit.core.pagination import CappedPaginator
from esit.reference.filters import rendered_fields
from esit.reference.versions import REFERENCE_VERSION
from esit.volunteers.permissions import volunteer_view

PAGE_SIZE = 25


@require_http_methods(["GET", "POST"])
@volunteer_view(active_only=True)
def my_hours(request, volunteer):
    form = LogHoursForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.log_hours(volunteer=volunteer, **form.cleaned_data)
        except ActivityError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                _("Çalışmanız kaydedildi; koordinatör onayından sonra toplamınıza eklenir."),
            )
            return redirect("work:my_hours")
    by_area = selectors.approved_totals_by_area(volunteer)
    page = Paginator(selectors.own_hours(volunteer), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/work/my_hours.html",
        {
            "form": form,
            "page_obj": page,
            "by_area": by_area,
            "by_month": selectors.approved_totals_by_month(volunteer),
            "approved_total": selectors.total_of(by_area),
        },
    )


def _wants_partial(request) -> bool:
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _filtered(request) -> HoursQueueFilter:
    """The queue as the query string narrows it (waiting hours by default, approved ones when
    chosen): the page and its export read the same entries, within the reader's scope."""
    return HoursQueueFilter(request.GET, queryset=selectors.hours_review_queue(user=request.user))


# What the queue reads of its query string: its filters and the page.
LIST_PARAMETERS = (*HoursQueueFilter.base_filters, "page")
QUEUE = "activities/work/hours_queue.html"


def _results(read, filters: HoursQueueFilter, selected_ids: set[str]) -> kept_lists.ListResults:
    page = CappedPaginator(filters.qs, PAGE_SIZE).get_page(read.GET.get("page"))
    now = timezone.now()
    waiting: list[datetime.datetime] = []
    for entry in page:
        entry.waits_for_shift_end = entry.status == HoursEntry.Status.PENDING and (
            services.not_yet_approvable(entry, now=now)
        )
        if entry.waits_for_shift_end and (moment := services.approvable_from(entry)):
            waiting.append(moment)
    return kept_lists.render_results(
        read,
        QUEUE,
        page,
        {"filter_form": filters.form, "selected_ids": selected_ids},
        # "Not yet approvable" is true until the shift ends: the copy is kept no longer.
        changes_at=min(waiting, default=None),
    )


def _render_queue(request, bulk_form: BulkHoursForm):
    read = versions.page_request(request, LIST_PARAMETERS)
    filters = _filtered(read)
    results = kept_lists.kept_results(
        read,
        name="hours",
        scope_key=scope_of(request.user).key,
        names=(HOURS_VERSION, ACTIVITIES_VERSION, REFERENCE_VERSION),
        build=lambda: _results(read, filters, bulk_form.selected_ids),
        selected_ids=bulk_form.selected_ids,
    )
    template = QUEUE
    if _wants_partial(request):
        template += "#hours-results"
    response = render(
        request,
        template,
        {
            "filter_fields": rendered_fields(read, filters.form),
            "bulk_form": bulk_form,
            "results": results,
            "query": request.GET.urlencode(),
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
@capability_required(APPROVE_HOURS)
def hours_queue(request):
    return _render_queue(request, BulkHoursForm(user=request.user))


@require_GET
@capability_required(APPROVE_HOURS)
def hours_export(request, file_format: str):
    """The filtered queue as a spreadsheet, streamed and audited (esit/audit/exports.py)."""
    return audited.filtered_download(
        request,
        filters=_filtered(request),
        rows=exports.hours_rows,
        file_format=file_format,
        action="activities.hours_exported",
        name="saatler",
        title=_("Saatler"),
        header=exports.hours_header(),
    )


@require_POST
@capability_required(APPROVE_HOURS)
def review_hours(request):
    """Approve or reject the ticked entries; the queue's filters ride on the query string."""
    form = BulkHoursForm(request.POST, user=request.user)
    if form.is_valid():
        entries = form.cleaned_data["entries"]
        try:
            if form.cleaned_data["decision"] == BulkHoursForm.APPROVE:
                result = services.approve_hours(entries=entries, by=request.user)
            else:
                result = services.reject_hours(
                    entries=entries, by=request.user, comment=form.cleaned_data["comment"]
                )
        except ActivityError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            _report(request, form.cleaned_data["decision"], result)
            url = reverse("work:hours_queue")
            return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
    return _render_queue(request, form)


def _report(request, decision: str, result: services.BulkResult) -> None:
    done = len(result.done)
    if decision == BulkHoursForm.APPROVE:
        text = ngettext("%(count)d kayıt onaylandı.", "%(count)d kayıt onaylandı.", done)
    else:
        text = ngettext("%(count)d kayıt reddedildi.", "%(count)d kayıt reddedildi.", done)
    (messages.success if done else messages.info)(request, text % {"count": done})
    if result.skipped:
        skipped = len(result.skipped)
        details = "; ".join(
            f"{entry.volunteer.full_name} ({entry.date:%d.%m.%Y}): {reason}"
            for entry, reason in result.skipped
        )
        messages.warning(
            request,
            ngettext(
                "%(count)d kayıt atlandı: %(details)s",
                "%(count)d kayıt atlandı: %(details)s",
                skipped,
            )
            % {"count": skipped, "details": details},
        )
