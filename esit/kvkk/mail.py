"""What the KVKK app tells staff: a data-subject request nears its legal deadline."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from .models import DataRequest


def _load(pk: str) -> DataRequest | None:
    return DataRequest.objects.filter(pk=pk).first()


def _due(request: DataRequest, delivery) -> dict | None:
    if not request.is_open:  # answered since: nothing to remind of
        return None
    return {
        "data_request": request,
        "url": settings.SITE_URL + reverse("kvkk:request_detail", args=[request.pk]),
    }


def register() -> None:
    kinds.register(
        kinds.Kind(
            key="kvkk.request_due",
            label=_("KVKK başvurusunun yanıt süresi doluyor"),
            template="kvkk/email/request_due",
            context=_due,
            load=_load,
        )
    )
