"""Queueing and sending notifications. Every message any app sends goes through here.

`notify()` (or `notify_many()` for a batch) is called inside the transaction of
the change it announces: the delivery row commits with that change, or not at
all, and the send task is enqueued only after the commit. The task claims each
delivery under a row lock, so two workers, a re-run after a crash or a sweep
that re-enqueues a delivery can never send it twice.
"""

import datetime
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from esit.core.network import hash_ip

from . import channels, kinds, preferences
from .models import Channel, Delivery

if TYPE_CHECKING:
    # The account model (AUTH_USER_MODEL) as django-stubs resolves it: accounts sits above
    # notifications, which may not import it, not even for its types.
    from django.contrib.auth.models import _User as User

logger = logging.getLogger(__name__)

# A failed send is tried again (by the sweep) until it has been tried this often.
MAX_ATTEMPTS = 3
# A queued delivery whose task has not run for this long is enqueued again (lost task,
# crashed worker); one claimed this long ago but never finished is marked failed.
STALE_AFTER = datetime.timedelta(minutes=10)
BATCH_SIZE = 200


@dataclass(frozen=True)
class Recipient:
    """Where a message goes: an account (for preferences and history) and/or an address."""

    address: str
    language: str = ""
    user: "User | None" = None

    @classmethod
    def of_user(cls, user: "User") -> "Recipient":
        return cls(address=user.email, language=user.preferred_language, user=user)


def _key(kind: str, obj: models.Model, channel: str, address: str, key: str) -> str:
    # The address goes in hashed: the key says "this message to this address" without
    # keeping a second, readable copy of the address.
    parts = [kind, obj._meta.label_lower, str(obj.pk), channel, hash_ip(address.lower())[:20]]
    if key:
        parts.append(key)
    return ":".join(parts)[:255]


def _new_delivery(
    kind: str,
    *,
    obj: models.Model,
    to: Recipient,
    channel: str,
    key: str,
    params: dict[str, Any] | None,
) -> Delivery:
    if kinds.get(kind).recorded:  # get() refuses a kind nobody registered
        raise ValueError(f"{kind} is sent by another library and only recorded: record_sent().")
    return Delivery(
        kind=kind,
        channel=channel,
        recipient=to.user,
        address=to.address,
        language=to.language or settings.LANGUAGE_CODE,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        params=params or {},
        idempotency_key=_key(kind, obj, channel, to.address, key),
    )


def notify(
    kind: str,
    *,
    obj: models.Model,
    to: Recipient,
    channel: str = Channel.EMAIL,
    key: str = "",
    params: dict[str, Any] | None = None,
) -> Delivery:
    """Queue one message about `obj` to `to`; the same message (same key) is queued once.

    `key` distinguishes messages of one kind about one object that may rightly be
    sent more than once (a daily reminder, each correction). `params` carries the
    few values the row cannot give back later (a coordinator's note).
    """
    delivery = _new_delivery(kind, obj=obj, to=to, channel=channel, key=key, params=params)
    try:
        with transaction.atomic():
            delivery.save()
    except IntegrityError:
        return Delivery.objects.get(idempotency_key=delivery.idempotency_key)
    transaction.on_commit(lambda: _enqueue([delivery.pk]))
    return delivery


def notify_many(
    kind: str,
    items: Iterable[tuple[models.Model, Recipient]],
    *,
    channel: str = Channel.EMAIL,
    key: str = "",
    params: dict[str, Any] | None = None,
) -> int:
    """Queue one message per (object, recipient), in batches; returns how many were new."""
    new = [
        _new_delivery(kind, obj=obj, to=to, channel=channel, key=key, params=params)
        for obj, to in items
    ]
    keys = [delivery.idempotency_key for delivery in new]
    Delivery.objects.bulk_create(new, ignore_conflicts=True, batch_size=BATCH_SIZE)
    # Re-read: bulk_create with ignore_conflicts cannot say which rows it inserted.
    ids = list(
        Delivery.objects.filter(idempotency_key__in=keys, status=Delivery.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: _enqueue(ids))
    return len(ids)


def record_sent(
    kind: str,
    *,
    to: Recipient,
    obj: models.Model | None = None,
    subject: str = "",
    error: BaseException | None = None,
    channel: str = Channel.EMAIL,
) -> Delivery:
    """Record a message another library has just sent itself, or failed to send (`error`).

    allauth's e-mails (a password reset, an address confirmation) carry secrets, so they
    are rendered and sent by allauth, and only this record of them is kept: which kind,
    to whom, when, and whether it left. No body, ever.
    """
    kind_entry = kinds.get(kind)
    if not kind_entry.recorded:
        raise ValueError(f"{kind} is sent through notify(), not recorded afterwards.")
    now = timezone.now()
    return Delivery.objects.create(
        kind=kind,
        channel=channel,
        recipient=to.user,
        address=to.address,
        language=to.language or settings.LANGUAGE_CODE,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        # Every recorded message is its own: nothing else can ever queue it again.
        idempotency_key=f"recorded:{kind}:{uuid.uuid4().hex}",
        status=Delivery.Status.FAILED if error is not None else Delivery.Status.SENT,
        subject=subject[:300],
        attempts=1,
        last_error=f"{type(error).__name__}: {error}"[:2000] if error is not None else "",
        enqueued_at=now,
        claimed_at=now,
        sent_at=None if error is not None else now,
    )


def _enqueue(ids: list[int]) -> None:
    from .tasks import send_deliveries

    for start in range(0, len(ids), BATCH_SIZE):
        send_deliveries.enqueue(ids[start : start + BATCH_SIZE])


def _load_object(delivery: Delivery, kind: kinds.Kind) -> models.Model | None:
    if kind.load is not None:
        return kind.load(delivery.object_id)
    model = apps.get_model(delivery.object_type)
    found: models.Model | None = model._default_manager.filter(pk=delivery.object_id).first()
    return found


def _render(kind: kinds.Kind, delivery: Delivery, context: dict[str, Any]) -> channels.Message:
    headers: dict[str, str] = {}
    context = {"SITE_URL": settings.SITE_URL, "delivery": delivery, **delivery.params, **context}
    if kind.optional and delivery.recipient is not None:
        url = preferences.unsubscribe_url(delivery.recipient, kind.key)
        context["unsubscribe_url"] = url
        # RFC 8058: mail programs offer a one-click "unsubscribe" that posts to this address.
        headers["List-Unsubscribe"] = f"<{url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    with translation.override(delivery.language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{kind.template}_subject.txt", context)
        body = render_to_string(f"{kind.template}.txt", context)
    return channels.Message(subject=" ".join(subject.split()), body=body, headers=headers)


def _suppress(delivery: Delivery, why: str) -> None:
    delivery.status = Delivery.Status.SUPPRESSED
    delivery.suppressed_because = why
    delivery.save(update_fields=["status", "suppressed_because"])


def _claim(delivery_id: int) -> tuple[Delivery, channels.Message] | None:
    """Lock a queued delivery, decide whether it still goes, and mark it sending (committed)."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk=delivery_id, status=Delivery.Status.QUEUED)
            .first()
        )
        if delivery is None:
            return None  # sent, claimed by another worker, or not ours to send any more
        kind = kinds.get(delivery.kind)
        if not preferences.wants(delivery.recipient, kind.key, delivery.channel):
            _suppress(delivery, Delivery.Why.PREFERENCE)
            return None
        if not delivery.address:
            _suppress(delivery, Delivery.Why.NO_ADDRESS)
            return None
        try:
            obj = _load_object(delivery, kind)
            context = kind.context(obj, delivery) if obj is not None else None
            message = _render(kind, delivery, context) if context is not None else None
        except Exception as error:
            # A bug in a kind's context or templates: keep the record, say what broke.
            logger.exception("Delivery %s (%s) could not be rendered.", delivery.pk, kind.key)
            delivery.status = Delivery.Status.FAILED
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            delivery.save(update_fields=["status", "last_error"])
            return None
        if message is None:
            _suppress(delivery, Delivery.Why.NO_LONGER_TRUE)
            return None
        delivery.status = Delivery.Status.SENDING
        delivery.subject = message.subject[:300]
        delivery.attempts += 1
        delivery.claimed_at = timezone.now()
        delivery.save(update_fields=["status", "subject", "attempts", "claimed_at"])
    return delivery, message


def send_one(delivery_id: int) -> str | None:
    """Send one delivery if it is still queued; returns the status it ends in (None when no
    such delivery exists any more: erased with its person, or never made)."""
    claimed = _claim(delivery_id)
    if claimed is None:
        return Delivery.objects.filter(pk=delivery_id).values_list("status", flat=True).first()
    delivery, message = claimed
    try:
        channels.get(delivery.channel).send(address=delivery.address, message=message)
    except Exception as error:  # any failure of the channel is recorded, never raised
        retry = delivery.attempts < MAX_ATTEMPTS
        delivery.status = Delivery.Status.QUEUED if retry else Delivery.Status.FAILED
        delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
        delivery.save(update_fields=["status", "last_error"])
        logger.warning(
            "Delivery %s (%s) failed on attempt %s: %s",
            delivery.pk,
            delivery.kind,
            delivery.attempts,
            type(error).__name__,
        )
        return delivery.status
    delivery.status = Delivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["status", "sent_at"])
    return delivery.status


def retry(*, delivery: Delivery) -> Delivery:
    """Staff send a failed delivery again (they checked it did not leave).

    Not one this app cannot send: a recorded kind (allauth's e-mail, whose secret only
    allauth can make again: the person asks for a new link) or a kind no app registers.
    """
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if delivery.status != Delivery.Status.FAILED or not _sent_here(delivery.kind):
            return delivery
        delivery.status = Delivery.Status.QUEUED
        delivery.enqueued_at = timezone.now()
        delivery.save(update_fields=["status", "enqueued_at"])
        transaction.on_commit(lambda: _enqueue([delivery.pk]))
    return delivery


def _sent_here(kind_key: str) -> bool:
    try:
        return not kinds.get(kind_key).recorded
    except LookupError:
        return False


@dataclass(frozen=True)
class SweepResult:
    requeued: int
    failed: int


def requeue_stale(*, now: datetime.datetime | None = None) -> SweepResult:
    """Enqueue again the deliveries nobody is sending; give up on ones a dead worker claimed.

    Safe to run as often as you like (the periodic `send_queued_notifications`): a
    delivery enqueued twice is still claimed and sent once.
    """
    now = now or timezone.now()
    stale = now - STALE_AFTER
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(status=Delivery.Status.QUEUED, enqueued_at__lt=stale)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=ids).update(enqueued_at=now)
        failed = Delivery.objects.filter(
            status=Delivery.Status.SENDING, claimed_at__lt=stale
        ).update(
            status=Delivery.Status.FAILED,
            last_error=(
                "The worker stopped while sending: the message may or may not have left. "
                "Check with the person before sending it again."
            ),
        )
        transaction.on_commit(lambda: _enqueue(ids))
    return SweepResult(requeued=len(ids), failed=failed)
