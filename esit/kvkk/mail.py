"""What the KVKK app tells staff: a data-subject request nears its legal deadline."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from .models import DataRequest, Incident, RetentionWarning


def _load(pk: str) -> DataRequest | None:
    return DataRequest.objects.filter(pk=pk).first()


def _due(request: DataRequest, delivery) -> dict | None:
    if not request.is_open:  # answered since: nothing to remind of
        return None
    return {
        "data_request": request,
        "url": settings.SITE_URL + reverse("kvkk:request_detail", args=[request.pk]),
    }


def _load_warning(pk: str) -> RetentionWarning | None:
    return RetentionWarning.objects.select_related("volunteer").filter(pk=pk).first()


def _inactivity(warning: RetentionWarning, delivery) -> dict | None:
    if not warning.is_open:  # she stayed, or it is done: nothing to warn of
        return None
    from .retention import stay_token

    return {
        "warning": warning,
        "url": settings.SITE_URL + reverse("kvkk:stay", args=[stay_token(warning)]),
    }


def _load_incident(pk: str) -> Incident | None:
    return Incident.objects.filter(pk=pk).first()


def _incident_due(incident: Incident, delivery) -> dict | None:
    if incident.board_notified_at is not None:  # notified since: nothing to remind of
        return None
    return {
        "incident": incident,
        "url": settings.SITE_URL + reverse("kvkk:incident_detail", args=[incident.pk]),
    }


def register() -> None:
    kinds.register(
        kinds.Kind(
            key="kvkk.inactivity_warning",
            label=_("Uzun süredir hareketsiz gönüllü kayıtlarının anonim hale getirilmesi"),
            template="kvkk/email/inactivity_warning",
            context=_inactivity,
            load=_load_warning,
        )
    )
    kinds.register(
        kinds.Kind(
            key="kvkk.incident_due",
            label=_("Veri ihlalinin Kurula bildirim süresi doluyor"),
            template="kvkk/email/incident_due",
            context=_incident_due,
            load=_load_incident,
        )
    )
    kinds.register(
        kinds.Kind(
            key="kvkk.request_due",
            label=_("KVKK başvurusunun yanıt süresi doluyor"),
            template="kvkk/email/request_due",
            context=_due,
            load=_load,
        )
    )
