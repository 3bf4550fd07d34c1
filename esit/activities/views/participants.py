"""Public registration for workshops open to everyone, cancelling through the private link, and
the coordinators' list of an activity's participants (cancel, attendance, CSV)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esit.accounts.permissions import capability_required
from esit.activities.selectors.scope import RUN_ACTIVITIES, visible_activities
from esit.audit import exports as audited
from esit.core.confirm import confirmation_page
from esit.core.network import client_ip
from esit.core.rate_limits import limit_posts

from .. import exports
from ..forms.public import CancelRegistrationForm, ParticipantAttendanceForm, ParticipantForm
from ..models import Activity, Participant
from ..selectors import participants as selectors
from ..services import participants as services
from ..services import trail
from ..services.errors import ActivityError
from .public import _active_volunteer, load_activity, render_detail


@require_POST
@limit_posts("participant_registration", rate_setting="PUBLIC_REGISTRATION_RATE_LIMIT")
def register(request, pk: int):
    volunteer = _active_volunteer(request.user)
    activity = load_activity(request, pk, volunteer=volunteer)
    form = ParticipantForm(request.POST)
    if form.is_bot:
        # Bots get the same answer as people and nothing is stored.
        messages.success(request, _("Kaydınızı aldık. Ayrıntıları e-postayla gönderdik."))
        return redirect("activities:detail", pk=activity.pk)
    if form.is_valid():
        try:
            participant = services.register_participant(
                activity=activity,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                language=get_language(),
                ip=client_ip(request),
            )
        except ActivityError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            if participant.status == Participant.Status.CONFIRMED:
                messages.success(
                    request,
                    _(
                        "Kaydınız onaylandı. Ayrıntıları ve iptal bağlantısını e-postayla "
                        "gönderdik."
                    ),
                )
            else:
                messages.info(
                    request,
                    _(
                        "Kontenjan dolu olduğu için bekleme listesine alındınız. Yer açılırsa "
                        "size e-postayla haber vereceğiz."
                    ),
                )
            return redirect("activities:detail", pk=activity.pk)
    return render_detail(request, activity, volunteer=volunteer, form=form)


@never_cache
@require_http_methods(["GET", "POST"])
@limit_posts("participant_cancellation")
def cancel_registration(request, token: str):
    participant = get_object_or_404(
        Participant.objects.select_related("activity__district", "activity__kind"),
        cancel_token=token,
    )
    if request.method == "POST":
        if CancelRegistrationForm(request.POST).is_valid():
            try:
                services.cancel_registration(participant=participant)
            except ActivityError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request, _("Kaydınız iptal edildi. Size bir onay e-postası gönderdik.")
                )
        return redirect("activities:cancel_registration", token=token)
    response = render(
        request,
        "activities/public/cancel_registration.html",
        {"participant": participant, "activity": participant.activity},
    )
    response.headers["X-Robots-Tag"] = "noindex"
    return response


# Staff: the list of participants ------------------------------------------------------------


def _list_or_404(request, pk: int) -> selectors.ParticipantList:
    found = selectors.participant_list(user=request.user, activity_id=pk)
    if found is None:
        raise Http404(_("Etkinlik bulunamadı."))
    return found


def _participant_or_404(request, pk: int) -> Participant:
    participant = selectors.participant_for_staff(user=request.user, participant_id=pk)
    if participant is None:
        raise Http404(_("Katılımcı bulunamadı."))
    return participant


def _list_url(activity_id: int, participant_id: int | None = None) -> str:
    url = reverse("activities:participants", args=[activity_id])
    return f"{url}#participant-{participant_id}" if participant_id else url


@require_GET
@capability_required(RUN_ACTIVITIES)
def participant_list(request, pk: int):
    found = _list_or_404(request, pk)
    activity = found.activity
    # The list shows participants' contact details: the trail keeps who looked, and when.
    trail.record(
        "activities.participants_viewed",
        by=request.user,
        obj=activity,
        summary=gettext_lazy("%(count)d katılımcı kaydı gösterildi"),
        count=len(found.everyone),
    )
    return render(
        request,
        "activities/public/participant_list.html",
        {
            "activity": activity,
            "participants": found,
            # Attendance is recorded once the activity has started, never for a draft.
            "records_attendance": activity.starts_at <= timezone.now()
            and activity.status not in (Activity.Status.DRAFT, Activity.Status.CANCELLED),
        },
    )


@require_GET
@capability_required(RUN_ACTIVITIES)
def participant_export(request, pk: int, file_format: str):
    """The list as a spreadsheet, streamed and audited (esit/audit/exports.py)."""
    activities = visible_activities(request.user).filter(pk=pk)
    activity = activities.first()
    if activity is None:
        raise Http404(_("Etkinlik bulunamadı."))
    return audited.download(
        request,
        file_format=file_format,
        action="activities.participants_exported",
        obj=activity,
        name=f"participants-{activity.pk}",
        title=_("Katılımcılar"),
        header=exports.participant_header(),
        rows=exports.participant_rows(activities),
        count=activity.participants.count(),
    )


@require_POST
@capability_required(RUN_ACTIVITIES)
def staff_cancel_registration(request, pk: int):
    participant = _participant_or_404(request, pk)
    back_url = _list_url(participant.activity_id)
    if participant.activity.starts_at <= timezone.now():
        consequence = _(
            "%(activity)s: katılımcıya e-posta gider. Etkinlik başladığı için yer bekleme "
            "listesindeki kimseye verilmez."
        )
    else:
        consequence = _(
            "%(activity)s: katılımcıya e-posta gider; yeri bekleme listesindeki ilk kişiye verilir."
        )
    asked = confirmation_page(
        request,
        title=_("%(name)s kaydı iptal edilsin mi?") % {"name": participant.name},
        message=consequence % {"activity": participant.activity.title},
        confirm_label=_("Evet, kaydı iptal et"),
        back_url=back_url,
        template="staff/confirm.html",
    )
    if asked is not None:
        return asked
    try:
        services.cancel_registration(participant=participant, by=request.user)
    except ActivityError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s kaydı iptal edildi; katılımcıya e-posta gidiyor.")
            % {"name": participant.name},
        )
    return redirect(back_url)


@require_POST
@capability_required(RUN_ACTIVITIES)
def record_attendance(request, pk: int):
    participant = _participant_or_404(request, pk)
    form = ParticipantAttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(message) for message in form.errors["attendance"]))
    else:
        try:
            services.record_participant_attendance(
                participant=participant, attended=form.attended, by=request.user
            )
        except ActivityError as error:
            messages.error(request, error.message)
        else:
            done = (
                _("%(name)s katıldı olarak kaydedildi.")
                if form.attended
                else _("%(name)s gelmedi olarak kaydedildi.")
            )
            messages.success(request, done % {"name": participant.name})
    return redirect(_list_url(participant.activity_id, participant.pk))
