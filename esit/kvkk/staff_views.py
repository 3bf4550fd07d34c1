"""/staff/privacy/requests/: the register of data-subject requests that came by another
channel, for those who handle them (`privacy.handle_data_requests`)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esit.accounts.permissions import capability_required
from esit.core.forms import add_refusal
from esit.privacy.models import PrivacyNotice
from esit.volunteers.selectors import visible_to

from . import incidents, notices, requests, retention
from .models import DataRequest, Incident
from .staff_forms import AnswerForm, DataRequestForm, IncidentForm, NoticeForm, StaffConsentForm


@require_GET
@capability_required(requests.HANDLE)
def request_list(request):
    return render(
        request,
        "kvkk/staff/request_list.html",
        {"data_requests": requests.all_requests()[:200], "today": timezone.localdate()},
    )


@require_http_methods(["GET", "POST"])
@capability_required(requests.HANDLE)
def request_new(request):
    form = DataRequestForm(request.POST or None)
    if form.is_valid():
        try:
            logged = requests.log_request(by=request.user, **form.cleaned_data)
        except requests.RequestError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Başvuru kaydedildi."))
            return redirect("kvkk:request_detail", logged.pk)
    return render(request, "kvkk/staff/request_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@capability_required(requests.HANDLE)
def request_detail(request, pk):
    data_request = get_object_or_404(DataRequest, pk=pk)
    form = AnswerForm(request.POST or None)
    if data_request.is_open and form.is_valid():
        try:
            requests.answer_request(
                request=data_request,
                by=request.user,
                answer=form.cleaned_data["answer"],
                refused=form.cleaned_data["refused"],
            )
        except requests.RequestError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Yanıt kaydedildi."))
            return redirect("kvkk:request_detail", pk)
    return render(
        request,
        "kvkk/staff/request_detail.html",
        {"data_request": data_request, "form": form, "today": timezone.localdate()},
    )


# Retention: the dry-run report --------------------------------------------------------------


@require_GET
@capability_required(requests.HANDLE)
def retention_report(request):
    """Per rule, who would be affected if the rules ran now, and the last runs with what they
    destroyed. Counting changes nothing."""
    return render(
        request,
        "kvkk/staff/retention.html",
        {
            "preview": retention.preview(),
            "runs": [
                (
                    run,
                    [
                        (retention.RULE_LABELS.get(d.rule, d.rule), d)
                        for d in run.destructions.all()
                    ],
                )
                for run in retention.recent_runs()
            ],
            "rules": settings.RETENTION,
        },
    )


# Notices and consent texts ------------------------------------------------------------------


@require_GET
@capability_required(notices.PUBLISH)
def notice_list(request):
    return render(request, "kvkk/staff/notice_list.html", {"notices": notices.all_notices()})


@require_http_methods(["GET", "POST"])
@capability_required(notices.PUBLISH)
def notice_new(request):
    initial = {}
    based_on = request.GET.get("from", "")
    if based_on.isdigit():
        source = PrivacyNotice.objects.filter(pk=based_on).first()
        if source is not None:
            initial = {
                name: getattr(source, name)
                for name in ("kind", "title_tr", "title_en", "body_tr", "body_en")
            }
    form = NoticeForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            notice = notices.draft_notice(by=request.user, **form.cleaned_data)
        except notices.NoticeError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Taslak kaydedildi. Okuyup yayımlayın."))
            return redirect("kvkk:notice_detail", notice.pk)
    return render(request, "kvkk/staff/notice_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@capability_required(notices.PUBLISH)
def notice_detail(request, pk):
    notice = get_object_or_404(PrivacyNotice, pk=pk)
    error = None
    if request.method == "POST":
        try:
            notices.publish_notice(notice=notice, by=request.user)
        except notices.NoticeError as refusal:
            error = refusal.message
        else:
            messages.success(request, _("Metin yayımlandı."))
            return redirect("kvkk:notice_detail", pk)
    return render(
        request,
        "kvkk/staff/notice_detail.html",
        {"notice": notice, "error": error},
        status=400 if error else 200,
    )


@require_http_methods(["GET", "POST"])
@capability_required("volunteers.manage_volunteers")
def consent_record(request, volunteer_pk):
    """Write down a consent a volunteer of the reader's scope gave on paper, by phone or in
    person."""
    volunteer = get_object_or_404(visible_to(request.user).select_related("user"), pk=volunteer_pk)
    form = StaffConsentForm(request.POST or None)
    if form.is_valid():
        try:
            notices.record_consent_for(volunteer=volunteer, by=request.user, **form.cleaned_data)
        except notices.NoticeError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Açık rıza kaydedildi."))
            return redirect("staff_volunteers:detail", volunteer.pk)
    return render(
        request,
        "kvkk/staff/consent_form.html",
        {
            "form": form,
            "volunteer": volunteer,
            "consents": notices.consents_of(volunteer.user)
            .select_related("notice", "recorded_by")
            .order_by("-given_at"),
        },
    )


# Incidents ------------------------------------------------------------------------------------


@require_GET
@capability_required(incidents.MANAGE)
def incident_list(request):
    return render(
        request,
        "kvkk/staff/incident_list.html",
        {"incidents": incidents.all_incidents()[:200], "now": timezone.now()},
    )


@require_http_methods(["GET", "POST"])
@capability_required(incidents.MANAGE)
def incident_new(request):
    form = IncidentForm(request.POST or None)
    if form.is_valid():
        try:
            incident = incidents.log_incident(by=request.user, **form.cleaned_data)
        except incidents.IncidentError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Veri ihlali kaydedildi."))
            return redirect("kvkk:incident_detail", incident.pk)
    return render(request, "kvkk/staff/incident_form.html", {"form": form, "incident": None})


@require_http_methods(["GET", "POST"])
@capability_required(incidents.MANAGE)
def incident_detail(request, pk):
    incident = get_object_or_404(Incident, pk=pk)
    # The form only parses: the service changes the row (and audits it), so the form gets no
    # instance when posted, and shows the row when read.
    form = (
        IncidentForm(request.POST) if request.method == "POST" else IncidentForm(instance=incident)
    )
    if request.method == "POST" and form.is_valid():
        try:
            incidents.update_incident(incident=incident, by=request.user, **form.cleaned_data)
        except incidents.IncidentError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Veri ihlali kaydı güncellendi."))
            return redirect("kvkk:incident_detail", pk)
    return render(
        request,
        "kvkk/staff/incident_form.html",
        {"form": form, "incident": incident, "now": timezone.now()},
    )
