"""The audit trail and personal data: it names people only by record type and id.

An event never holds a name, an address or a phone number, so erasing a person
changes no event: the ids it holds then point at anonymised rows. The keyed
hash of the client's address stays until the trail's own retention period ends,
because the trail exists to account for what staff did with people's data.
"""

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category

from . import actions
from .models import AuditEvent, PurgePermit


def events_about(subject):
    return AuditEvent.objects.about(*registry.records_about(subject))


def _action_label(event: AuditEvent):
    try:
        return actions.get(event.action).label
    except LookupError:  # an action of an app no longer installed
        return event.action


def _export(subject):
    return registry.sections_from(
        events_about(subject).select_related("actor"),
        # The action's name as the audit page shows it, not its key.
        title=_action_label,
        fields=["at", "summary"],
    )


def _anonymise(subject) -> int:
    """Nothing to change: see the module docstring."""
    return 0


def register() -> None:
    registry.register(
        AuditEvent,
        fields={
            "person_id": Category.ACTIVITY,
            "client_address": Category.TECHNICAL,
            "summary": Category.ACTIVITY,
        },
        not_personal={"at", "action", "object_type", "object_id", "person_type"},
        rows=events_about,
        export=_export,
        anonymise=_anonymise,
    )
    registry.register_no_personal_data(
        PurgePermit, fields={"created_at"}, reason="Exists only during the retention purge."
    )
