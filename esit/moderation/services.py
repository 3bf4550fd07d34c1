"""Reporting content and the rule that keeps a suspended person from posting.

The moderators' actions live here too (docs/moderation.md). Words:
- an *open* report is one no moderator has decided on yet (`resolved_at` empty);
- *deciding* on content is any action of a moderator about it: hide, restore, dismiss, warn
  or suspend its author. Every decision resolves the content's open reports, so they no
  longer count towards hiding it automatically, and writes one audit event in the same
  transaction.
After a decision only new reports count, and a person reports a piece of content once ever
(the database keeps one row per person and content): content a moderator restored is hidden
by reports again only when three people who had not reported it before do.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from esit.accounts.models import User
from esit.audit.services import record
from esit.core.errors import RuleError
from esit.notifications.services import Recipient, notify

from . import registry
from .models import Moderated, ModerationDecision, PostingSuspension, Report

MODERATE = "moderation.moderate_content"
WARNING_KIND = "moderation.warning"
SUSPENDED_KIND = "moderation.suspended"
# The periods a moderator picks from (days); "until a date" is the other choice.
SUSPENSION_DAYS = (1, 7, 30)
MAX_SUSPENSION_DAYS = 366


def auto_hide_reporters() -> int:
    """How many different people's open reports hide content until a moderator looks."""
    return int(getattr(settings, "MODERATION_AUTO_HIDE_REPORTERS", 3))


def active_suspension(
    person: User, *, at: datetime.datetime | None = None
) -> PostingSuspension | None:
    """The suspension in force for this person, the one that ends last, or None."""
    moment = at or timezone.now()
    return (
        PostingSuspension.objects.filter(person=person, until__gt=moment, lifted_at__isnull=True)
        .order_by("-until")
        .first()
    )


def is_suspended(person: User, *, at: datetime.datetime | None = None) -> bool:
    return active_suspension(person, at=at) is not None


def ensure_may_post(person: User) -> None:
    """Every service that publishes what a person writes (an idea, a comment, a resource)
    calls this first: a suspended person may read but not post, until the suspension ends."""
    suspension = active_suspension(person)
    if suspension is not None:
        until = date_format(timezone.localtime(suspension.until), "DATETIME_FORMAT")
        raise RuleError(
            _("Paylaşım yapmanız %(until)s tarihine kadar askıya alındı.") % {"until": until}
        )


def open_reporters(content: Moderated) -> int:
    """How many different people reported this content since a moderator last decided on it."""
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        resolved_at__isnull=True,
    ).count()


def was_reported(content: Moderated) -> bool:
    """Whether anybody ever reported this content, decided on or not: its author's delete then
    keeps the text for the moderators (community's delete_comment)."""
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(content), object_id=content.pk
    ).exists()


def has_reported(*, reporter: User, content: Moderated) -> bool:
    """Whether this person already reported this content (a second report counts nothing)."""
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        reporter=reporter,
    ).exists()


@transaction.atomic
def report_content(*, reporter: User, content: Moderated, reason: str, details: str = "") -> Report:
    """One person's report of one piece of content.

    A second report by the same person changes nothing and counts once (the database
    refuses a second row), so hiding by reports always takes different people. When the
    open reports of `auto_hide_reporters()` different people stand, the content is hidden
    at once, until a moderator restores it. The content row is locked so two reports
    arriving together count each other.
    """
    if reason not in Report.Reason.values:
        raise RuleError(_("Bir neden seçin."), field="reason")
    kind = registry.of(content)
    if kind.author(content) == reporter:
        raise RuleError(_("Kendi paylaşımınızı bildiremezsiniz."))
    locked = type(content).objects.select_for_update().get(pk=content.pk)
    content_type = ContentType.objects.get_for_model(locked)
    existing = Report.objects.filter(
        content_type=content_type, object_id=locked.pk, reporter=reporter
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            report = Report.objects.create(
                content_type=content_type,
                object_id=locked.pk,
                reporter=reporter,
                reason=reason,
                details=details.strip(),
            )
    except IntegrityError:  # the same person, twice at once: the first one counts
        return Report.objects.get(content_type=content_type, object_id=locked.pk, reporter=reporter)
    if not locked.is_hidden and open_reporters(locked) >= auto_hide_reporters():
        locked.hidden_at = timezone.now()
        locked.hidden_because = Moderated.HiddenBecause.REPORTS
        locked.save(update_fields=["hidden_at", "hidden_because"])
        record(
            action="moderation.auto_hidden",
            obj=locked,
            person=_author(locked),
            summary=_(
                "%(content)s, %(count)s kişi bildirdiği için moderatör bakana kadar gizlendi."
            )
            % {"content": _label(locked), "count": auto_hide_reporters()},
        )
        content.hidden_at, content.hidden_because = locked.hidden_at, locked.hidden_because
    return report


# The moderators' decisions ----------------------------------------------------------------


def _lock(content: Moderated) -> Moderated:
    return type(content).objects.select_for_update().get(pk=content.pk)


def _resolve_reports(content: Moderated, *, at: datetime.datetime) -> int:
    """Close the content's open reports: a moderator has looked at them."""
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        resolved_at__isnull=True,
    ).update(resolved_at=at)


def _label(content: Moderated) -> str:
    kind = registry.of(content)
    return f"{kind.label} #{content.pk}"


def _author(content: Moderated) -> User | None:
    author = registry.of(content).author(content)
    return author if isinstance(author, User) else None


def _copy_visibility(source: Moderated, target: Moderated) -> None:
    target.hidden_at, target.hidden_because = source.hidden_at, source.hidden_because


@transaction.atomic
def hide_content(*, moderator: User, content: Moderated, reason: str, note: str = "") -> Moderated:
    """Hide content for everyone but moderators, for one of the reasons people report.

    Hiding is the moderator's decision: it stands even if the reports are later withdrawn
    (erasure deletes a person's reports), and only a moderator restores it. Her note is kept
    on the decision (`ModerationDecision`), which moderators read, and not in the audit
    summary: more people read the audit trail, and the note is free text about a person's
    post (summaries speak of counts and field names only).
    """
    if reason not in Report.Reason.values:
        raise RuleError(_("Bir neden seçin."), field="reason")
    locked = _lock(content)
    now = timezone.now()
    locked.hidden_at = locked.hidden_at or now
    locked.hidden_because = Moderated.HiddenBecause.MODERATOR
    locked.save(update_fields=["hidden_at", "hidden_because"])
    resolved = _resolve_reports(locked, at=now)
    ModerationDecision.objects.create(
        content_type=ContentType.objects.get_for_model(locked),
        object_id=locked.pk,
        kind=ModerationDecision.Kind.HIDDEN,
        reason=reason,
        note=(note or "").strip()[:300],
        moderator=moderator,
        decided_at=now,
    )
    record(
        action="moderation.hidden",
        actor=moderator,
        obj=locked,
        person=_author(locked),
        summary=_("%(content)s gizlendi (%(reason)s); %(count)s bildirim karara bağlandı.")
        % {
            "content": _label(locked),
            "reason": Report.Reason(reason).label,
            "count": resolved,
        },
    )
    _copy_visibility(locked, content)
    return content


@transaction.atomic
def restore_content(*, moderator: User, content: Moderated) -> Moderated:
    """Make hidden content visible again: the moderator found nothing wrong with it."""
    locked = _lock(content)
    if not locked.is_hidden:
        raise RuleError(_("Bu içerik zaten görünür."))
    locked.hidden_at = None
    locked.hidden_because = ""
    locked.save(update_fields=["hidden_at", "hidden_because"])
    resolved = _resolve_reports(locked, at=timezone.now())
    record(
        action="moderation.restored",
        actor=moderator,
        obj=locked,
        person=_author(locked),
        summary=_("%(content)s yeniden görünür; %(count)s bildirim karara bağlandı.")
        % {"content": _label(locked), "count": resolved},
    )
    _copy_visibility(locked, content)
    return content


@transaction.atomic
def dismiss_reports(*, moderator: User, content: Moderated) -> int:
    """The reports are unfounded: they are closed and the content stays as it is.

    Content the reports alone had hidden comes back (that is what "unfounded" means); content
    a moderator hid stays hidden. Returns how many reports were closed.
    """
    locked = _lock(content)
    resolved = _resolve_reports(locked, at=timezone.now())
    if resolved == 0:
        raise RuleError(_("Bu içerik için açık bildirim yok."))
    if locked.hidden_because == Moderated.HiddenBecause.REPORTS:
        locked.hidden_at = None
        locked.hidden_because = ""
        locked.save(update_fields=["hidden_at", "hidden_because"])
    record(
        action="moderation.dismissed",
        actor=moderator,
        obj=locked,
        person=_author(locked),
        summary=_("%(content)s için %(count)s bildirim yersiz bulundu.")
        % {"content": _label(locked), "count": resolved},
    )
    _copy_visibility(locked, content)
    return resolved


def _confirm_hiding(content: Moderated) -> None:
    """Content the reports hid, whose author a moderator then acts against, stays hidden by
    the moderator's decision (it leaves the "hidden by reports" tab)."""
    if content.hidden_because == Moderated.HiddenBecause.REPORTS:
        content.hidden_because = Moderated.HiddenBecause.MODERATOR
        content.save(update_fields=["hidden_because"])


@transaction.atomic
def warn_author(*, moderator: User, content: Moderated, message: str) -> Moderated:
    """Write to the author about this content, in the moderator's words (a transactional
    e-mail: it is about her own posts, so she cannot turn it off)."""
    message = (message or "").strip()
    if not message:
        raise RuleError(_("Yazara iletilecek mesajı yazın."), field="message")
    if len(message) > 2000:
        raise RuleError(_("Mesaj en fazla 2.000 karakter olabilir."), field="message")
    locked = _lock(content)
    author = _author(locked)
    if author is None:
        raise RuleError(_("Bu içeriğin yazarı artık yok; uyarı gönderilemez."))
    _confirm_hiding(locked)
    resolved = _resolve_reports(locked, at=timezone.now())
    notify(
        WARNING_KIND,
        obj=locked,
        to=Recipient.of_user(author),
        key=str(timezone.now().timestamp()),
        params={"message": message, "title": registry.of(locked).title(locked)[:200]},
    )
    record(
        action="moderation.warned",
        actor=moderator,
        obj=locked,
        person=author,
        summary=_("%(content)s yazarı uyarıldı; %(count)s bildirim karara bağlandı.")
        % {"content": _label(locked), "count": resolved},
    )
    _copy_visibility(locked, content)
    return content


def suspension_end(
    *, days: int | None = None, until: datetime.date | None = None, now: datetime.datetime
) -> datetime.datetime:
    """When a suspension ends: after 1, 7 or 30 days, or at the end of a chosen day in İzmir."""
    if days is not None:
        if days not in SUSPENSION_DAYS:
            raise RuleError(_("Bir süre seçin."), field="period")
        return now + datetime.timedelta(days=days)
    if until is None:
        raise RuleError(_("Bir süre seçin ya da bir bitiş tarihi yazın."), field="until")
    today = timezone.localdate(now)
    if until <= today:
        raise RuleError(_("Bitiş tarihi bugünden sonra olmalı."), field="until")
    if until > today + datetime.timedelta(days=MAX_SUSPENSION_DAYS):
        raise RuleError(_("Askı en fazla bir yıl sürebilir."), field="until")
    end_of_day = datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(end_of_day)


@transaction.atomic
def suspend_author(
    *,
    moderator: User,
    content: Moderated,
    until: datetime.datetime,
    reason: str,
) -> PostingSuspension:
    """Stop the author of this content posting until `until` (ideas, comments, resources);
    she still reads. She is told by e-mail, with the end and the moderator's reason."""
    reason = (reason or "").strip()
    if not reason:
        raise RuleError(_("Askının nedenini yazın; kişiye iletilir."), field="reason")
    if len(reason) > 1000:
        raise RuleError(_("Neden en fazla 1.000 karakter olabilir."), field="reason")
    now = timezone.now()
    if until <= now:
        raise RuleError(_("Bitiş tarihi bugünden sonra olmalı."), field="until")
    locked = _lock(content)
    author = _author(locked)
    if author is None:
        raise RuleError(_("Bu içeriğin yazarı artık yok; askıya alınamaz."))
    if author.is_staff_member:
        raise RuleError(_("Personelin paylaşımları askıya alınamaz; ekip yöneticisine yazın."))
    suspension = PostingSuspension.objects.create(
        person=author, until=until, reason=reason, suspended_by=moderator, created_at=now
    )
    _confirm_hiding(locked)
    resolved = _resolve_reports(locked, at=now)
    notify(SUSPENDED_KIND, obj=suspension, to=Recipient.of_user(author))
    record(
        action="moderation.suspended",
        actor=moderator,
        obj=suspension,
        person=author,
        summary=_(
            "%(content)s yazarının paylaşımları %(until)s tarihine kadar askıya alındı; "
            "%(count)s bildirim karara bağlandı."
        )
        % {
            "content": _label(locked),
            "until": date_format(timezone.localtime(until), "SHORT_DATETIME_FORMAT"),
            "count": resolved,
        },
    )
    _copy_visibility(locked, content)
    return suspension


@transaction.atomic
def lift_suspension(*, moderator: User, suspension: PostingSuspension) -> PostingSuspension:
    """End a suspension before its time: she may post again at once."""
    locked = PostingSuspension.objects.select_for_update().get(pk=suspension.pk)
    if locked.lifted_at is not None or locked.until <= timezone.now():
        raise RuleError(_("Bu askı zaten sona ermiş."))
    locked.lifted_at = timezone.now()
    locked.save(update_fields=["lifted_at"])
    record(
        action="moderation.suspension_lifted",
        actor=moderator,
        obj=locked,
        person=locked.person,
        summary=_("Paylaşım askısı süresinden önce kaldırıldı."),
    )
    return locked
