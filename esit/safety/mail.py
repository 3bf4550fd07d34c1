"""The channel's two messages. Neither carries a word of the concern: only that something
arrived or changed, and the link to the page where it is read (docs/safety.md)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from .models import Concern
from .services import HANDLE

EVENTS = ("acknowledged", "reply", "closed")


def _load(pk: str) -> Concern | None:
    return Concern.objects.filter(pk=pk).first()


def _raised(concern: Concern, delivery) -> dict | None:
    if concern.texts_removed_at is not None:  # erased since: nothing left to read
        return None
    return {"url": settings.SITE_URL + reverse("safety:staff_detail", args=[concern.pk])}


def _update(concern: Concern, delivery) -> dict | None:
    event = (delivery.params or {}).get("event")
    if event not in EVENTS or concern.texts_removed_at is not None:
        return None
    return {"event": event, "url": settings.SITE_URL + reverse("safety:mine")}


def register() -> None:
    kinds.register(
        kinds.Kind(
            key="safety.concern_raised",
            label=_("Yeni güvenlik bildirimi"),
            template="safety/email/concern_raised",
            context=_raised,
            load=_load,
            permission=HANDLE,
        )
    )
    kinds.register(
        kinds.Kind(
            key="safety.concern_update",
            label=_("Güvenlik bildiriminizde gelişme"),
            template="safety/email/concern_update",
            context=_update,
            load=_load,
            permission=HANDLE,
        )
    )
