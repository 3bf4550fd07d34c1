"""The confidential safety channel's rules (docs/safety.md).

Words: a **concern** is what a volunteer raises about a person or a conversation; the
**handlers** are the staff who hold `safety.handle_concerns` (given to named people, never
to a role by default); a **note** is a handling step only handlers read; a **reply** goes to
the volunteer who raised the concern.

Every action of a handler, and every reading of a concern, writes an audit event in the same
transaction. Summaries name the concern by id and the action only, never a word of its text:
the audit trail is read by more people than the channel.
"""

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.audit.services import record
from esit.core.errors import RuleError
from esit.notifications.services import Recipient, notify
from esit.privacy.models import ConsentRecord
from esit.privacy.services import record_consent
from esit.privacy.services import withdraw_consent as privacy_withdraw_consent

from .models import (
    ABOUT_MAX,
    CONCERN_TEXTS,
    CONTACT_HOW_MAX,
    ENTRY_MAX,
    LINK_MAX,
    WHAT_HAPPENED_MAX,
    WHEN_MAX,
    Concern,
    ConcernEntry,
)

HANDLE = "safety.handle_concerns"
# A concern is acknowledged within two working days (Monday to Friday; public holidays are
# not counted out, so the deadline is, if anything, early).
ACKNOWLEDGE_WORKING_DAYS = 2


class SafetyError(RuleError):
    pass


def working_days_after(moment: datetime.datetime, days: int) -> datetime.datetime:
    """The same time of day `days` working days (Monday to Friday, in İzmir) after `moment`."""
    local = timezone.localtime(moment)
    left = days
    while left:
        local += datetime.timedelta(days=1)
        if local.weekday() < 5:
            left -= 1
    return local


def handlers() -> QuerySet[User]:
    """The active staff who hold the capability, by a role or an extra grant (as
    kvkk.requests.handlers: a technical superuser is not a handler and gets no e-mail)."""
    permission = Permission.objects.get(
        content_type__app_label="safety", codename="handle_concerns"
    )
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .distinct()
        .order_by("pk")
    )


def _require_handler(actor: User, concern: Concern | None = None) -> None:
    """A handler, and, for a concern, not the one who raised it: nobody handles her own
    concern (she follows it on /me/safety/ like any volunteer; another handler handles it)."""
    if not actor.has_perm(HANDLE):
        raise SafetyError(_("Güvenlik bildirimleriyle ilgilenme yetkiniz yok."))
    if concern is not None and concern.raised_by_id == actor.pk:
        raise SafetyError(
            _("Kendi yaptığınız bir bildirimle ilgilenemezsiniz; başka bir yetkili ilgilenir.")
        )


def _summary(concern: Concern) -> str:
    """The concern by its number, and nothing of its text."""
    return str(_("Güvenlik bildirimi {number}")).format(number=concern.pk)


def _limited(value: str, limit: int, field: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise SafetyError(
            _("En fazla %(limit)s karakter yazabilirsiniz.") % {"limit": limit}, field=field
        )
    return value


@transaction.atomic
def raise_concern(
    *,
    by: User,
    what_happened: str,
    about: str,
    link: str = "",
    happened_when: str = "",
    contact: str = Concern.Contact.NONE,
    contact_how: str = "",
    consent: bool = False,
    ip: str = "",
) -> Concern:
    """A volunteer raises a concern; the handlers are told that one arrived, and nothing more.

    Only with her explicit consent (KVKK 6/2): what she writes is special-category data, and
    the processing register names explicit consent as its legal basis. The consent is kept
    as a privacy consent record for the safety channel, beside the concern, and her own
    data export shows it.

    Why nothing more: an e-mail travels through other systems and sits in mailboxes; the text
    stays encrypted here and is read on the page, where every reading is audited. The person
    the concern is about is never told, and nothing links the concern to her account.
    """
    what_happened = _limited(what_happened, WHAT_HAPPENED_MAX, "what_happened")
    about = _limited(about, ABOUT_MAX, "about")
    if not what_happened:
        raise SafetyError(_("Ne olduğunu kısaca yazın."), field="what_happened")
    if not about:
        raise SafetyError(
            _("Bildirimin kimin ya da hangi yazışmanın hakkında olduğunu yazın."), field="about"
        )
    if contact not in Concern.Contact.values:
        raise SafetyError(_("Bir iletişim seçeneği seçin."), field="contact")
    contact_how = _limited(contact_how, CONTACT_HOW_MAX, "contact_how")
    if contact in (Concern.Contact.PHONE, Concern.Contact.IN_PERSON) and not contact_how:
        raise SafetyError(_("Size nasıl ve ne zaman ulaşabileceğimizi yazın."), field="contact_how")
    if not consent:
        raise SafetyError(
            _("Bildiriminizi gönderebilmemiz için açık rızanızı işaretleyin."), field="consent"
        )
    now = timezone.now()
    given = record_consent(
        email=by.email, ip=ip, at=now, user=by, purpose=ConsentRecord.Purpose.SAFETY
    )
    concern = Concern.objects.create(
        raised_by=by,
        consent=given,
        what_happened=what_happened,
        about=about,
        link=_limited(link, LINK_MAX, "link"),
        happened_when=_limited(happened_when, WHEN_MAX, "happened_when"),
        contact=contact,
        contact_how=contact_how,
        raised_at=now,
        acknowledge_by=working_days_after(now, ACKNOWLEDGE_WORKING_DAYS),
    )
    record(
        action="safety.concern_raised",
        actor=by,
        obj=concern,
        person=by,
        summary=_summary(concern),
    )
    for handler in handlers().exclude(pk=by.pk):  # never to herself about her own
        notify("safety.concern_raised", obj=concern, to=Recipient.of_user(handler))
    return concern


def record_reading(*, concern: Concern, reader: User) -> None:
    """A handler opened the concern: the reading is audited, whoever it is, every time."""
    _require_handler(reader, concern)
    record(
        action="safety.concern_read",
        actor=reader,
        obj=concern,
        person=concern.raised_by,
        summary=_summary(concern),
    )


def _locked(concern: Concern) -> Concern:
    return Concern.objects.select_for_update().get(pk=concern.pk)


def _tell_raiser(concern: Concern, *, key: str, event: str) -> None:
    if concern.raised_by is not None and concern.raised_by.is_active:
        notify(
            "safety.concern_update",
            obj=concern,
            to=Recipient.of_user(concern.raised_by),
            key=key,
            params={"event": event},
        )


@transaction.atomic
def acknowledge(*, concern: Concern, by: User) -> Concern:
    """A handler says the concern was seen; the volunteer is told (without its text)."""
    _require_handler(by, concern)
    locked = _locked(concern)
    if locked.status != Concern.Status.RECEIVED:
        raise SafetyError(_("Bu bildirim zaten görüldü olarak işaretlenmiş."))
    locked.status = Concern.Status.ACKNOWLEDGED
    locked.acknowledged_at = timezone.now()
    locked.save(update_fields=["status", "acknowledged_at"])
    record(
        action="safety.concern_acknowledged",
        actor=by,
        obj=locked,
        person=locked.raised_by,
        summary=_summary(locked),
    )
    _tell_raiser(locked, key="acknowledged", event="acknowledged")
    return locked


@transaction.atomic
def add_entry(*, concern: Concern, by: User, kind: str, text: str) -> ConcernEntry:
    """A handling step (a note) or a reply to the volunteer, once the concern was seen and
    while it is open. The first one puts an acknowledged concern "in handling"; a reply is
    announced to the volunteer (the e-mail says a reply is waiting, the page shows it)."""
    _require_handler(by, concern)
    if kind not in ConcernEntry.Kind.values:
        raise SafetyError(_("Bir kayıt türü seçin."), field="kind")
    text = _limited(text, ENTRY_MAX, "text")
    if not text:
        raise SafetyError(_("Bir metin yazın."), field="text")
    locked = _locked(concern)
    if locked.status == Concern.Status.RECEIVED:
        raise SafetyError(_("Önce bildirimin görüldüğünü işaretleyin."))
    if locked.status == Concern.Status.CLOSED:
        raise SafetyError(_("Kapatılmış bir bildirime kayıt eklenemez."))
    entry = ConcernEntry.objects.create(concern=locked, kind=kind, text=text, written_by=by)
    if locked.status == Concern.Status.ACKNOWLEDGED:
        locked.status = Concern.Status.IN_HANDLING
        locked.save(update_fields=["status"])
    is_reply = kind == ConcernEntry.Kind.REPLY
    record(
        action="safety.reply_sent" if is_reply else "safety.note_added",
        actor=by,
        obj=locked,
        person=locked.raised_by,
        summary=f"{_summary(locked)}: {entry.get_kind_display()} {entry.pk}",
    )
    if is_reply:
        _tell_raiser(locked, key=f"reply:{entry.pk}", event="reply")
    return entry


@transaction.atomic
def close(*, concern: Concern, by: User, outcome: str) -> Concern:
    """A handler closes the concern with an outcome; the volunteer sees it on her page."""
    _require_handler(by, concern)
    if outcome not in Concern.Outcome.values:
        raise SafetyError(_("Bir sonuç seçin."), field="outcome")
    locked = _locked(concern)
    if locked.status == Concern.Status.CLOSED:
        raise SafetyError(_("Bu bildirim zaten kapatılmış."))
    if locked.status == Concern.Status.RECEIVED:
        raise SafetyError(_("Önce bildirimin görüldüğünü işaretleyin."))
    locked.status = Concern.Status.CLOSED
    locked.outcome = outcome
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "outcome", "closed_at"])
    record(
        action="safety.concern_closed",
        actor=by,
        obj=locked,
        person=locked.raised_by,
        summary=f"{_summary(locked)}: {locked.get_outcome_display()}",
    )
    _tell_raiser(locked, key="closed", event="closed")
    return locked


# Texts --------------------------------------------------------------------------------------


def remove_texts(concerns: QuerySet[Concern], *, at: datetime.datetime, **changes: Any) -> int:
    """Every text of these concerns and of their entries goes; the handling record (dates,
    statuses, outcome, who handled it) stays, with `changes`. Returns how many concerns."""
    ConcernEntry.objects.filter(concern__in=concerns).update(text="")
    # The first removal's moment stays (a withdrawal's, which her consent record repeats).
    removed_at = Coalesce(F("texts_removed_at"), Value(at))
    return concerns.update(
        texts_removed_at=removed_at, **dict.fromkeys(CONCERN_TEXTS, ""), **changes
    )


@transaction.atomic
def withdraw_consent(*, concern: Concern, by: User) -> Concern:
    """She takes back the explicit consent she gave with her concern (KVKK 7: at any time,
    as easily as she gave it). Its lawful ground gone, every text of it is removed at once:
    what she wrote, the replies and the handlers' notes. An open concern is closed as
    withdrawn; the handling record stays, and her consent record says when it was taken back.
    The handlers are not told: nothing of it is left to read, and their list shows it closed.
    """
    locked = _locked(concern)
    if locked.raised_by_id != by.pk:
        raise SafetyError(_("Bu bildirim sizin değil."))
    if locked.texts_removed_at is not None:
        raise SafetyError(_("Bu bildirimin metinleri zaten silindi."))
    now = timezone.now()
    closing: dict[str, Any] = {}
    if locked.status != Concern.Status.CLOSED:
        closing = {
            "status": Concern.Status.CLOSED,
            "outcome": Concern.Outcome.WITHDRAWN,
            "closed_at": now,
        }
    remove_texts(Concern.objects.filter(pk=locked.pk), at=now, **closing)
    if locked.consent is not None:
        privacy_withdraw_consent(record=locked.consent, at=now)
    with translation.override(settings.LANGUAGE_CODE):  # the trail's language, not hers
        summary = str(_("{concern}: açık rıza geri alındı, metinler silindi.")).format(
            concern=_summary(locked)
        )
    record(action="safety.consent_withdrawn", actor=by, obj=locked, person=by, summary=summary)
    locked.refresh_from_db()
    return locked
