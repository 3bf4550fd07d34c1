"""E-mails to members of the public registered for an activity: the `participants.*` kinds,
in the language they registered in, to the address they gave (they have no account).

Each says only what is still true: a registration still active, a place still confirmed,
a registration still cancelled.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from ..models import Participant


def load(participant_id: str) -> Participant | None:
    return (
        Participant.objects.select_related("activity__district", "activity__kind")
        .filter(pk=participant_id)
        .first()
    )


def cancel_url(participant: Participant) -> str:
    return settings.SITE_URL + reverse(
        "activities:cancel_registration", args=[participant.cancel_token]
    )


def activity_url(participant: Participant) -> str:
    return settings.SITE_URL + reverse("activities:detail", args=[participant.activity_id])


def while_(*statuses):
    def context(participant: Participant, delivery) -> dict | None:
        if participant.status not in statuses:
            return None
        return {
            "participant": participant,
            "activity": participant.activity,
            "cancel_url": cancel_url(participant),
            "activity_url": activity_url(participant),
        }

    return context


def _kind(name: str, label, context) -> kinds.Kind:
    return kinds.Kind(
        key=f"participants.{name}",
        label=label,
        template=f"activities/email/public/{name}",
        context=context,
        load=load,
    )


_CANCELLED = Participant.Status.CANCELLED

KINDS = [
    # Confirmed or waitlisted: the e-mail says which, and how to cancel.
    _kind(
        "registered",
        _("Etkinlik kaydı alındı"),
        while_(Participant.Status.CONFIRMED, Participant.Status.WAITLISTED),
    ),
    _kind(
        "promoted",
        _("Bekleme listesindeki etkinlik kaydı onaylandı"),
        while_(Participant.Status.CONFIRMED),
    ),
    _kind("cancelled", _("Etkinlik kaydı iptal edildi"), while_(_CANCELLED)),
    _kind(
        "cancelled_by_staff",
        _("Koordinatör etkinlik kaydını iptal etti"),
        while_(_CANCELLED),
    ),
]


def register() -> None:
    for kind in KINDS:
        kinds.register(kind)
