"""What the notifications app holds about people: their messages and their preferences."""

from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category

from .models import Delivery, Preference

ANONYMOUS_ADDRESS = "anonim@anonim.invalid"


def deliveries(subject):
    condition = Q(address__in=subject.emails | subject.phones)
    if subject.user is not None:
        condition |= Q(recipient=subject.user)
    return Delivery.objects.filter(condition)


def _export_deliveries(subject):
    return registry.sections_from(
        deliveries(subject),
        title=lambda delivery: _("Size gönderilen bildirim"),
        fields=["kind", "channel", "address", "subject", "status", "created_at", "sent_at"],
    )


def _anonymise_deliveries(subject) -> int:
    """The delivery stays (so counts of messages sent stay right), without whom it went to."""
    return deliveries(subject).update(
        recipient=None,
        address=ANONYMOUS_ADDRESS,
        subject="",
        last_error="",
        params={},
        idempotency_key=Concat(Value("anonymised:"), Cast("pk", CharField())),
    )


def preferences_of(subject):
    if subject.user is None:
        return Preference.objects.none()
    return Preference.objects.filter(user=subject.user)


def _export_preferences(subject):
    return registry.sections_from(
        preferences_of(subject),
        title=lambda preference: _("Bildirim tercihi"),
        fields=["kind", "channel", "enabled", "changed_at"],
    )


def register() -> None:
    registry.register(
        Delivery,
        fields={
            "address": Category.CONTACT,
            "subject": Category.ACTIVITY,
            "params": Category.ACTIVITY,
            "last_error": Category.TECHNICAL,
            "language": Category.ACTIVITY,
            "idempotency_key": Category.TECHNICAL,  # holds a keyed hash of the address
        },
        not_personal={
            "kind",
            "channel",
            "object_type",
            "object_id",
            "status",
            "suppressed_because",
            "attempts",
            "created_at",
            "enqueued_at",
            "claimed_at",
            "sent_at",
        },
        rows=deliveries,
        export=_export_deliveries,
        anonymise=_anonymise_deliveries,
    )
    registry.register(
        Preference,
        fields={"enabled": Category.ACTIVITY, "changed_at": Category.ACTIVITY},
        not_personal={"kind", "channel"},
        rows=preferences_of,
        export=_export_preferences,
        anonymise=lambda subject: preferences_of(subject).delete()[0],
    )
