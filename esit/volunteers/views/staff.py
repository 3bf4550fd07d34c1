"""Volunteers for staff: the directory, a volunteer's page, the actions on her.

Read with selectors, change with services, render; every page needs the capability of
managing volunteers and shows only the volunteers of the reader's scope.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts.permissions import capability_required
from esit.accounts.scope import scope_of
from esit.audit import exports as audited
from esit.audit import services as audit
from esit.audit.selectors import events_about
from esit.core import kept_lists, versions
from esit.core.confirm import confirmation_page
from esit.core.forms import add_refusal
from esit.core.htmx import wants_partial
from esit.core.pagination import CappedPaginator
from esit.core.panels import panels_for
from esit.notifications.selectors import delivery_history
from esit.reference import availability
from esit.reference.filters import rendered_fields
from esit.reference.versions import REFERENCE_VERSION

from .. import directory, exports, selectors, services
from ..filters import VolunteerFilter
from ..forms import EndParticipationForm, StaffMessageForm
from ..models import Volunteer
from ..selectors import MANAGE
from ..versions import VOLUNTEERS_VERSION

PAGE_SIZE = 25
AUDIT_SHOWN = 20


def filtered(request) -> VolunteerFilter:
    """The directory as the query string narrows it: the list, the message to a selection and
    the export all read the same volunteers. Always bound, even to an empty query: the
    work measures and the order are added by the filters (VolunteerFilter.filter_queryset)."""
    return VolunteerFilter(request.GET, queryset=selectors.directory(user=request.user))


# What the directory reads of its query string: its filters, its order and the page.
LIST_PARAMETERS = (*VolunteerFilter.base_filters, "page")
DIRECTORY = "volunteers/staff/list.html"


def _results(read, filters: VolunteerFilter) -> kept_lists.ListResults:
    page = CappedPaginator(filters.qs, PAGE_SIZE).get_page(read.GET.get("page"))
    return kept_lists.render_results(
        read,
        DIRECTORY,
        page,
        {"filter_form": filters.form},
        # "Active in the last 30 days" is counted from today.
        changes_at=kept_lists.next_midnight(),
    )


@require_GET
@capability_required(MANAGE)
def volunteer_list(request):
    read = versions.page_request(request, LIST_PARAMETERS)
    filters = filtered(read)
    results = kept_lists.kept_results(
        read,
        name="volunteers",
        scope_key=scope_of(request.user).key,
        names=(VOLUNTEERS_VERSION, REFERENCE_VERSION, *directory.measures().versions),
        build=lambda: _results(read, filters),
        selected_ids=set(),
    )
    template = DIRECTORY
    if wants_partial(request):
        template += "#directory-results"
    response = render(
        request,
        template,
        {
            "filter_fields": rendered_fields(read, filters.form),
            "results": results,
            "query": request.GET.urlencode(),
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


def volunteer_or_404(request, pk: int) -> Volunteer:
    try:
        return selectors.volunteer_for_staff(pk, user=request.user)
    except Volunteer.DoesNotExist:
        raise Http404(_("Gönüllü bulunamadı.")) from None


@require_GET
@capability_required(MANAGE)
def volunteer_detail(request, pk: int):
    volunteer = volunteer_or_404(request, pk)
    # A staff member read a person's page: the trail keeps who and when.
    audit.record(
        action="volunteers.viewed",
        actor=request.user,
        obj=volunteer,
        person=volunteer,
        summary=_("Gönüllü sayfası açıldı."),
    )
    return render_detail(request, volunteer)


def render_detail(request, volunteer: Volunteer, **forms):
    """The page; `forms` replaces a form with the one posted (its errors beside its fields)."""
    people = [volunteer, volunteer.user]
    if volunteer.application is not None:
        people.append(volunteer.application)  # the events about her as an applicant
    return render(
        request,
        "volunteers/staff/detail.html",
        {
            "volunteer": volunteer,
            "week": [
                (day, [part for part, available in parts if available])
                for day, parts in availability.grid(volunteer.availability)
                if any(available for _part, available in parts)
            ],
            "sections": panels_for("staff_volunteer", request, volunteer=volunteer),
            "deliveries": delivery_history(
                reader=request.user, user=volunteer.user, addresses=[volunteer.user.email]
            ),
            "audit_events": events_about(*people, limit=AUDIT_SHOWN, reader=request.user)
            if request.user.has_perm("audit.read_audit_log")
            else None,
            "end_form": EndParticipationForm(),
            **forms,
        },
    )


def _back_to(volunteer: Volunteer) -> str:
    return reverse("staff_volunteers:detail", args=[volunteer.pk])


@require_POST
@capability_required(MANAGE)
def pause(request, pk: int):
    volunteer = volunteer_or_404(request, pk)
    asked = confirmation_page(
        request,
        title=_("%(name)s duraklatılsın mı?") % {"name": volunteer.full_name},
        message=_(
            "Duraklatılan gönüllü yeni vardiyalara ve görevlere kayıt olamaz; geçmişi, saatleri "
            "ve mevcut kayıtları korunur. Gönüllüye e-postayla bildirilir."
        ),
        confirm_label=_("Evet, duraklat"),
        back_url=_back_to(volunteer),
        template="staff/confirm.html",
    )
    if asked is not None:
        return asked
    try:
        services.pause_volunteer(volunteer=volunteer, by=request.user)
    except services.VolunteerError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Gönüllü duraklatıldı; kendisine e-posta gidiyor."))
    return redirect(_back_to(volunteer))


@require_POST
@capability_required(MANAGE)
def reactivate(request, pk: int):
    volunteer = volunteer_or_404(request, pk)
    try:
        services.reactivate_volunteer(volunteer=volunteer, by=request.user)
    except services.VolunteerError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Gönüllü yeniden etkin; kendisine e-posta gidiyor."))
    return redirect(_back_to(volunteer))


@require_POST
@capability_required(MANAGE)
def end(request, pk: int):
    volunteer = volunteer_or_404(request, pk)
    form = EndParticipationForm(request.POST)
    if not form.is_valid():
        return render_detail(request, volunteer, end_form=form, has_errors=True)
    asked = confirmation_page(
        request,
        title=_("%(name)s için gönüllülük sonlandırılsın mı?") % {"name": volunteer.full_name},
        message=_(
            "Gönüllü programdan çıkar: gelecek vardiyalardaki ve görevlerdeki yerleri "
            "başkalarına açılır, isteğe bağlı e-postaları durur. Geçmişi korunur. Gerekçe "
            "kendisine e-postayla bildirilir."
        ),
        confirm_label=_("Evet, sonlandır"),
        back_url=_back_to(volunteer),
        template="staff/confirm.html",
    )
    if asked is not None:
        return asked
    try:
        services.end_volunteer(
            volunteer=volunteer, by=request.user, reason=form.cleaned_data["reason"]
        )
    except services.VolunteerError as error:
        add_refusal(form, error)
        return render_detail(request, volunteer, end_form=form, has_errors=True)
    messages.success(request, _("Gönüllülük sonlandırıldı; gönüllüye e-posta gidiyor."))
    return redirect(_back_to(volunteer))


def _send(request, form: StaffMessageForm, volunteers) -> int | None:
    """The message sent, or None with the refusal next to its field."""
    try:
        return services.message_volunteers(
            volunteers=volunteers,
            by=request.user,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
        )
    except services.VolunteerError as error:
        add_refusal(form, error)
        return None


def _report_sent(request, queued: int) -> None:
    messages.success(
        request,
        ngettext(
            "Mesaj %(count)d gönüllü için sıraya alındı.",
            "Mesaj %(count)d gönüllü için sıraya alındı.",
            queued,
        )
        % {"count": queued},
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def message_one(request, pk: int):
    volunteer = volunteer_or_404(request, pk)
    form = StaffMessageForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        queued = _send(request, form, Volunteer.objects.filter(pk=volunteer.pk))
        if queued is not None:
            _report_sent(request, queued)
            return redirect(_back_to(volunteer))
    return render(
        request,
        "volunteers/staff/message.html",
        {
            "form": form,
            "volunteer": volunteer,
            "recipients": 1,
            "action": reverse("staff_volunteers:message_one", args=[volunteer.pk]),
            "back_url": _back_to(volunteer),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def message_selection(request):
    """Write to every volunteer the directory's filters select (the query string carries
    them from the list); the count is shown before sending, and sending asks once more."""
    filters = filtered(request)
    count = filters.qs.exclude(status=Volunteer.Status.WITHDRAWN).count()
    form = StaffMessageForm(request.POST if request.method == "POST" else None)
    query = request.GET.urlencode()
    back_url = reverse("staff_volunteers:list") + (f"?{query}" if query else "")
    if form.is_valid():
        asked = confirmation_page(
            request,
            title=_("Mesaj gönderilsin mi?"),
            message=ngettext(
                "Mesaj, süzgeçlere uyan %(count)d gönüllüye gönderilecek.",
                "Mesaj, süzgeçlere uyan %(count)d gönüllüye gönderilecek.",
                count,
            )
            % {"count": count},
            confirm_label=_("Evet, gönder"),
            back_url=back_url,
            template="staff/confirm.html",
        )
        if asked is not None:
            return asked
        queued = _send(request, form, filters.qs)
        if queued is not None:
            _report_sent(request, queued)
            return redirect(back_url)
    return render(
        request,
        "volunteers/staff/message.html",
        {
            "form": form,
            "volunteer": None,
            "recipients": count,
            "filter_errors": filters.form.errors,
            "action": request.get_full_path(),
            "back_url": back_url,
        },
    )


@require_GET
@capability_required(MANAGE)
def export(request, file_format: str):
    """The filtered list as a spreadsheet, streamed and audited (esit/audit/exports.py)."""
    return audited.filtered_download(
        request,
        filters=filtered(request),
        rows=exports.rows,
        file_format=file_format,
        action="volunteers.exported",
        name="gonulluler",
        title=_("Gönüllüler"),
        header=exports.header(),
    )
