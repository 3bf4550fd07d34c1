"""Reading notifications: a person's history of messages, for staff."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django_stubs_ext import StrOrPromise

from . import kinds
from .models import Delivery

if TYPE_CHECKING:
    # The account model as django-stubs resolves it (accounts sits above notifications).
    from django.contrib.auth.models import _User as User

HISTORY_LIMIT = 100


@dataclass(frozen=True)
class HistoryEntry:
    delivery: Delivery
    label: StrOrPromise  # the kind, as people name it


def delivery_history(
    *,
    reader: Any,
    user: "User | None" = None,
    addresses: Iterable[str] = (),
    limit: int = HISTORY_LIMIT,
) -> list[HistoryEntry]:
    """Every message sent, or meant, to this person, newest first: to her account and to
    any of her addresses (an applicant without an account is known by her e-mail).

    Staff read it to answer "did you send me…?": what was sent, when, whether it left
    and, when it did not, why. One query, at most `limit` rows.

    The `reader` (the staff member looking) sees only the kinds whose `permission` she
    holds: that a volunteer raised a safety concern is as confidential as the concern, so a
    coordinator without `safety.handle_concerns` does not learn it from the history.
    """
    addresses = [address for address in addresses if address]
    condition = Q(address__in=addresses) if addresses else Q(pk__in=[])
    if user is not None:
        condition |= Q(recipient=user)
    deliveries = (
        Delivery.objects.filter(condition)
        .exclude(kind__in=kinds.hidden_from(reader))
        .order_by("-created_at", "-id")[:limit]
    )
    return [HistoryEntry(delivery, kinds.label_of(delivery.kind)) for delivery in deliveries]
