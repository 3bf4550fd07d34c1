"""Public registration for workshops open to everyone, and cancelling through the private link."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from esit.core.network import client_ip

from ..forms_public import CancelRegistrationForm, ParticipantForm
from ..models import Participant
from ..services import participants as services
from ..services.errors import ActivityError
from .public import _active_volunteer, load_activity, render_detail


def _rate(_group, _request) -> str:
    return getattr(settings, "PUBLIC_REGISTRATION_RATE_LIMIT", settings.APPLY_RATE_LIMIT)


@require_POST
@ratelimit(key="ip", rate=_rate, method="POST", block=True)
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
