"""The staff review workspace: read with selectors, change with services, render.

Every action is a plain form post that redirects (POST-redirect-GET); htmx
only swaps the queue's results when the filters change.
"""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from esit.accounts.permissions import capability_required
from esit.accounts.scope import scope_of
from esit.audit import exports as audited
from esit.audit import services as audit
from esit.audit.selectors import events_about
from esit.core import kept_lists, versions
from esit.core.htmx import wants_partial
from esit.core.pagination import CappedPaginator
from esit.notifications.selectors import delivery_history
from esit.reference import availability
from esit.reference.filters import rendered_fields
from esit.reference.versions import REFERENCE_VERSION

from .. import exports, selectors, services
from ..filters import QueueFilter
from ..forms.review import BulkDecisionForm, DecisionForm, NoteForm
from ..models import Application, Decision
from ..selectors import REVIEW
from ..versions import APPLICATIONS_VERSION

if TYPE_CHECKING:
    from ..selectors import ReviewedApplication

PAGE_SIZE = 25
AUDIT_SHOWN = 20


def _queue_url(query) -> str:
    url = reverse("review:list")
    return f"{url}?{query.urlencode()}" if query else url


@require_GET
@capability_required(REVIEW)
def application_list(request):
    return _render_queue(request, BulkDecisionForm(visible=selectors.visible_to(request.user)))


@require_POST
@capability_required(REVIEW)
def bulk_decide(request):
    """Approve or reject the ticked applications; the queue's filters ride on the query string."""
    form = BulkDecisionForm(request.POST, visible=selectors.visible_to(request.user))
    if form.is_valid():
        try:
            result = services.decide_in_bulk(
                applications=form.cleaned_data["applications"],
                kind=form.cleaned_data["decision"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.ApplicationError as error:
            form.add_error(None, error.message)
        else:
            _report_bulk_result(request, form.cleaned_data["decision"], result)
            return redirect(_queue_url(request.GET))
    return _render_queue(request, form)


def _report_bulk_result(request, kind: str, result: services.BulkResult) -> None:
    done = len(result.done)
    if kind == Decision.Kind.APPROVE:
        text = ngettext("%(count)d başvuru onaylandı.", "%(count)d başvuru onaylandı.", done) % {
            "count": done
        }
    else:
        text = ngettext(
            "%(count)d başvuru olumsuz sonuçlandırıldı.",
            "%(count)d başvuru olumsuz sonuçlandırıldı.",
            done,
        ) % {"count": done}
    (messages.success if done else messages.info)(request, text)
    if result.skipped:
        details = "; ".join(
            f"{application.full_name}: {reason}" for application, reason in result.skipped
        )
        skipped = len(result.skipped)
        messages.warning(
            request,
            ngettext(
                "%(count)d başvuru atlandı: %(details)s",
                "%(count)d başvuru atlandı: %(details)s",
                skipped,
            )
            % {"count": skipped, "details": details},
        )


def _filtered(request) -> QueueFilter:
    """The queue as the query string narrows it: the page and its export read the same rows."""
    return QueueFilter(request.GET or None, queryset=selectors.review_queue(user=request.user))


# What the queue reads of its query string: its filters and the page.
LIST_PARAMETERS = (*QueueFilter.base_filters, "page")
QUEUE = "applications/review/list.html"


def _results(read, filters: QueueFilter, selected_ids: set[str]) -> kept_lists.ListResults:
    page = CappedPaginator(filters.qs, PAGE_SIZE).get_page(read.GET.get("page"))
    page.object_list = selectors.with_rejoining(page.object_list)
    return kept_lists.render_results(
        read,
        QUEUE,
        page,
        {"filter_form": filters.form, "selected_ids": selected_ids},
        # The ages shown are today's.
        changes_at=kept_lists.next_midnight(),
    )


def _render_queue(request, bulk_form: BulkDecisionForm):
    read = versions.page_request(request, LIST_PARAMETERS)
    filters = _filtered(read)
    results = kept_lists.kept_results(
        read,
        name="applications",
        scope_key=scope_of(request.user).key,
        names=(APPLICATIONS_VERSION, REFERENCE_VERSION),
        build=lambda: _results(read, filters, bulk_form.selected_ids),
        selected_ids=bulk_form.selected_ids,
    )
    template = QUEUE
    if wants_partial(request):
        template += "#queue-results"
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
@capability_required(REVIEW)
def export(request, file_format: str):
    """The filtered queue as a spreadsheet, streamed and audited (esit/audit/exports.py)."""
    return audited.filtered_download(
        request,
        filters=_filtered(request),
        rows=exports.rows,
        file_format=file_format,
        action="applications.exported",
        name="basvurular",
        title=_("Başvurular"),
        header=exports.header(),
    )


def _application_or_404(request, pk: int) -> "ReviewedApplication":
    try:
        return selectors.application_detail(pk, user=request.user)
    except Application.DoesNotExist:
        raise Http404(_("Başvuru bulunamadı.")) from None


@require_GET
@capability_required(REVIEW)
def application_detail(request, pk: int):
    application = _application_or_404(request, pk)
    # A staff member read a person's application: the trail keeps who and when.
    audit.record(
        action="applications.viewed",
        actor=request.user,
        obj=application,
        person=application,
        summary=_("Başvuru sayfası açıldı."),
    )
    return _render_detail(request, application)


def _render_detail(request, application: Application, *, decision_form=None, note_form=None):
    forms = {
        kind: DecisionForm(kind=kind)
        for kind in (Decision.Kind.APPROVE, Decision.Kind.WAITLIST, Decision.Kind.REJECT)
    }
    if decision_form is not None:
        forms[decision_form.kind] = decision_form
    return render(
        request,
        "applications/review/detail.html",
        {
            "application": application,
            "week": availability.grid(application.availability),
            "parts": [label for _part, label in availability.PARTS],
            "approve_form": forms[Decision.Kind.APPROVE],
            "waitlist_form": forms[Decision.Kind.WAITLIST],
            "reject_form": forms[Decision.Kind.REJECT],
            "note_form": note_form or NoteForm(),
            "can_decide": application.is_open,
            "can_waitlist": application.status == Application.Status.SUBMITTED,
            "has_errors": any(
                form is not None and form.errors for form in (decision_form, note_form)
            ),
            "deliveries": delivery_history(
                reader=request.user, user=application.user, addresses=[application.email]
            ),
            "audit_events": events_about(application, limit=AUDIT_SHOWN, reader=request.user)
            if request.user.has_perm("audit.read_audit_log")
            else None,
        },
    )


WELCOMED_BACK = gettext_lazy(
    "Başvuru onaylandı: gönüllünün hesabı ve profili yeniden etkinleşti; profilini kontrol "
    "etmesi için e-posta gönderiliyor."
)
DECISION_DONE = {
    Decision.Kind.APPROVE: gettext_lazy(
        "Başvuru onaylandı: gönüllü hesabı açıldı ve parola belirleme daveti gönderiliyor."
    ),
    Decision.Kind.WAITLIST: gettext_lazy(
        "Başvuru bekleme listesine alındı; başvuru sahibine e-posta gidiyor."
    ),
    Decision.Kind.REJECT: gettext_lazy(
        "Başvuru olumsuz sonuçlandırıldı; gerekçe başvuru sahibine e-postayla gidiyor."
    ),
}


@require_POST
@capability_required(REVIEW)
def decide(request, pk: int):
    application = _application_or_404(request, pk)
    form = DecisionForm(request.POST)
    if form.kind is None:
        messages.error(request, _("Bilinmeyen karar."))
        return redirect("review:detail", pk=pk)
    if not form.is_valid():
        return _render_detail(request, application, decision_form=form)
    kind, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
    try:
        if kind == Decision.Kind.APPROVE:
            services.approve_application(application=application, by=request.user)
        elif kind == Decision.Kind.WAITLIST:
            services.waitlist_application(application=application, by=request.user, reason=reason)
        else:
            services.reject_application(application=application, by=request.user, reason=reason)
    except services.ApplicationError as error:
        messages.error(request, error.message)
    else:
        rejoined = kind == Decision.Kind.APPROVE and application.rejoining
        messages.success(request, WELCOMED_BACK if rejoined else DECISION_DONE[kind])
    return redirect("review:detail", pk=pk)


@require_POST
@capability_required(REVIEW)
def add_note(request, pk: int):
    application = _application_or_404(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, application, note_form=form)
    services.add_note(application=application, author=request.user, body=form.cleaned_data["body"])
    messages.success(request, _("Not eklendi."))
    return redirect(reverse("review:detail", args=[pk]) + "#notes")
