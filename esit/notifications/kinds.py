"""The registry of notification kinds: what each message is, and how to build it afresh.

An app registers each kind of message it sends in `AppConfig.ready()`. A kind
knows its templates (`<template>_subject.txt` and `<template>.txt`, plain text
in the recipient's language), how to build their context from the row the
message is about (read again when it is sent, so an e-mail never announces
something that stopped being true: `context` then returns None), and whether
the person may turn it off (`optional`: announcements, digests, invitations to
work; never a status link, an invitation to set a password or a sign-up
confirmation).

A few kinds are sent by another library and only recorded here (`recorded`):
allauth's own e-mails (a password reset, an address confirmation) carry
secrets, so allauth renders and sends them, and `services.record_sent` keeps a
delivery without its body, so a person's history of messages is complete.
Such a kind is never queued: `services.notify` refuses it.

A kind with a `permission` (the safety channel's: `safety.handle_concerns`) is left out
of a person's delivery history for staff who lack it (`selectors.delivery_history(reader=...)`),
as the audit trail hides such actions' events.

Keys in use (register a new kind under its app's label, `<app>.<name>`):

- `applications.*`: confirmation, status_link, already_in_programme, withdrawn,
  email_corrected, approved (the invitation), welcome_back, waitlisted, rejected.
- activities' parts: `signups.*` (confirmed, pending, waitlisted, promoted,
  approved, declined, added_by_staff, cancelled_by_staff, activity_cancelled and
  the optional `signups.reminder`), `work.*` (task_assigned, task_accepted,
  task_returned, activity_cancelled), `participants.*` (registered, promoted,
  cancelled, cancelled_by_staff), `planning.participant_activity_cancelled`.
- `volunteers.*`: paused, reactivated, ended and the optional `volunteers.staff_message`.
- `accounts.<allauth template name>` (recorded only), e.g. `accounts.password_reset_key`.
- `announcements.announcement` and `announcements.digest` (optional), holding the
  preference moved from the old `Volunteer.notify_announcements`.
- `matching.invitation` (optional), holding the preference moved from the old
  `Volunteer.notify_*` booleans: an invitation to a shift or task.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django_stubs_ext import StrOrPromise

Context = Callable[[Any, Any], dict[str, Any] | None]  # (the object, the Delivery) -> context


@dataclass(frozen=True)
class Kind:
    key: str  # "<app label>.<name>", e.g. "signups.confirmed"
    label: StrOrPromise  # how the preferences page and delivery history name it
    template: str  # prefix of the _subject.txt and .txt templates
    context: Context
    optional: bool = False
    load: Callable[[str], Model | None] | None = None  # fetch the object by id, with its relations
    description: StrOrPromise = ""  # the preferences page's hint for an optional kind
    recorded: bool = False  # sent by another library, only recorded (services.record_sent)
    # With a permission, only staff holding it see such deliveries in a person's history
    # (as audit actions: that a volunteer used the safety channel is itself confidential).
    permission: str = ""


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    existing = _KINDS.get(kind.key)
    if existing is not None and existing != kind:
        raise ValueError(f"Notification kind {kind.key!r} is already registered.")
    _KINDS[kind.key] = kind
    return kind


def get(key: str) -> Kind:
    try:
        return _KINDS[key]
    except KeyError:
        raise LookupError(
            f"Unknown notification kind {key!r}: register it in AppConfig.ready()."
        ) from None


def optional_kinds() -> list[Kind]:
    return sorted((kind for kind in _KINDS.values() if kind.optional), key=lambda kind: kind.key)


def all_kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.key)


def label_of(key: str) -> StrOrPromise:
    """How a kind is named to people; the key itself for a kind no app registers any more
    (an old delivery in someone's history outlives the code that sent it)."""
    kind = _KINDS.get(key)
    return kind.label if kind is not None else key


def hidden_from(reader: Any) -> list[str]:
    """The kinds whose deliveries this reader may not see (all restricted ones for None)."""
    return [
        kind.key
        for kind in _KINDS.values()
        if kind.permission and (reader is None or not reader.has_perm(kind.permission))
    ]


def never_queued(obj, delivery) -> None:
    """The `context` of a recorded kind: there is nothing to rebuild, it is never sent here."""
    return None
