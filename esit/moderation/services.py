"""Reporting content and the rule that keeps a suspended person from posting.

The moderators' actions (hide, restore, warn, suspend) live here too, each audited.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from esit.accounts.models import User
from esit.core.errors import RuleError

from . import registry
from .models import Moderated, PostingSuspension, Report


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
        content.hidden_at, content.hidden_because = locked.hidden_at, locked.hidden_because
    return report
