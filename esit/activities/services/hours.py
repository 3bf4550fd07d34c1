"""Hours of volunteer work: self-reported entries and the coordinators' review.

Every entry starts pending, whatever its source, and counts in totals and
certificates only once a coordinator approves it (docs/activities.md). Hours
from attendance can be approved only once their shift has ended: a check-in
opens two hours before the start, and hours approved (and certified) for a
shift that has not happened yet would certify work nobody has done.
"""

import datetime
import decimal
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.activities.models import Activity, HoursEntry
from esit.reference.models import VolunteerArea
from esit.volunteers.models import Volunteer

from ..selectors.scope import check_hours_actor
from . import locks, records, trail
from .errors import ActivityError

# Work is reported while it is remembered; older work needs a coordinator's word.
SELF_REPORT_MAX_AGE_DAYS = 90
DESCRIPTION_MAX = 500


def area_of_activity(activity: Activity) -> VolunteerArea | None:
    """Where an activity's hours count: its first area by position (then name), or None.

    The one rule for attendance and for tasks without an area of their own, so
    the same activity never books its hours under two different areas.
    """
    return activity.areas.order_by("position", "name_tr", "pk").first()


def log_hours(
    *,
    volunteer: Volunteer,
    date: datetime.date,
    hours: decimal.Decimal,
    area: VolunteerArea | None,
    description: str,
    activity: Activity | None = None,
) -> HoursEntry:
    """A volunteer reports work done outside a shift (a translation at home, for example).

    The day is İzmir's: not in the future, and at most 90 days back. One entry
    is one day's work, so more than 24 hours is a typing mistake.
    """
    description = (description or "").strip()
    if not volunteer.is_active:
        raise ActivityError(_("Programdan ayrılmış bir gönüllü saat bildiremez."))
    today = timezone.localdate()
    if date > today:
        raise ActivityError(_("Gelecekteki bir gün için saat bildirilemez."), field="date")
    if date < today - datetime.timedelta(days=SELF_REPORT_MAX_AGE_DAYS):
        raise ActivityError(
            _(
                "En fazla 90 gün önceki çalışmalar bildirilebilir; daha eskisi için "
                "koordinatörünüze yazın."
            ),
            field="date",
        )
    hours = decimal.Decimal(hours)
    if not 0 < hours <= HoursEntry.MAX_HOURS:
        raise ActivityError(_("Saat 0'dan büyük, en fazla 24 olmalı."), field="hours")
    if area is None:
        raise ActivityError(_("Çalışmanın hangi alanda olduğunu seçin."), field="area")
    if not description:
        raise ActivityError(_("Ne yaptığınızı kısaca anlatın."), field="description")
    if len(description) > DESCRIPTION_MAX:
        raise ActivityError(_("Açıklama en fazla 500 karakter olabilir."), field="description")
    return HoursEntry.objects.create(
        volunteer=volunteer,
        source=HoursEntry.Source.SELF_REPORTED,
        activity=activity,
        area=area,
        date=date,
        hours=hours,
        description=description,
    )


@dataclass(frozen=True)
class BulkResult:
    done: list[HoursEntry]
    skipped: list[tuple[HoursEntry, str]]


def approvable_from(entry: HoursEntry) -> datetime.datetime | None:
    """The moment an entry may be approved: the end of its shift for attendance, else None
    (any time). Reads `entry.signup.shift`: select it with the entry."""
    if entry.source != HoursEntry.Source.ATTENDANCE or entry.signup is None:
        return None
    return entry.signup.shift.ends_at


def not_yet_approvable(entry: HoursEntry, *, now: datetime.datetime | None = None) -> bool:
    moment = approvable_from(entry)
    return moment is not None and moment > (now or timezone.now())


def _review(entry: HoursEntry, *, status: str, by: User | None, comment: str) -> HoursEntry:
    with transaction.atomic():
        entry = (
            locks.hours_for_update().select_related("volunteer", "signup__shift").get(pk=entry.pk)
        )
        if entry.status != HoursEntry.Status.PENDING:
            raise ActivityError(_("Bu kayıt zaten değerlendirilmiş."))
        if by is not None and entry.volunteer.user_id == by.pk:
            # A staff member who also volunteers needs another coordinator's eyes.
            raise ActivityError(_("Kendi saatlerinizi değerlendiremezsiniz."))
        if status == HoursEntry.Status.APPROVED and not_yet_approvable(entry):
            raise ActivityError(
                _(
                    "Vardiya henüz bitmedi (bitiş: %(end)s); katılım saatleri vardiya bittikten "
                    "sonra onaylanabilir."
                )
                % {"end": timezone.localtime(approvable_from(entry)).strftime("%d.%m.%Y %H:%M")}
            )
        entry.status = status
        entry.reviewed_by = by
        entry.reviewed_at = timezone.now()
        entry.review_comment = comment
        entry.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
        approved = status == HoursEntry.Status.APPROVED
        trail.record(
            "activities.hours_approved" if approved else "activities.hours_rejected",
            by=by,
            obj=entry,
            person=entry.volunteer,
            summary=_("%(hours)s saat (%(source)s)%(reason)s"),
            hours=entry.hours,
            source=entry.get_source_display(),
            reason=trail.reason_length(comment),
        )
    return entry


def _in_bulk(
    entries: Iterable[HoursEntry], *, status: str, by: User | None, comment: str
) -> BulkResult:
    entries = list(entries)
    # The whole batch is refused when one entry is outside the actor's scope: the queue
    # never offers such an entry, so only a tampered request or a mistake gets here.
    check_hours_actor(by, [entry.pk for entry in entries])
    done: list[HoursEntry] = []
    skipped: list[tuple[HoursEntry, str]] = []
    # One transaction, each entry in its own savepoint: the approved volunteers' records are
    # rebuilt once at the end, with the approvals.
    with transaction.atomic(), records.batch():
        for entry in entries:
            try:
                done.append(_review(entry, status=status, by=by, comment=comment))
            except ActivityError as error:
                skipped.append((entry, str(error.message)))
    return BulkResult(done, skipped)


def approve_hours(*, entries: Iterable[HoursEntry], by: User | None) -> BulkResult:
    """Approve pending entries; any other is skipped with its reason, never changed twice.

    Hours from attendance are skipped until their shift has ended (module docstring).
    """
    return _in_bulk(entries, status=HoursEntry.Status.APPROVED, by=by, comment="")


def reject_hours(*, entries: Iterable[HoursEntry], by: User | None, comment: str) -> BulkResult:
    """Reject pending entries with a reason the volunteer sees on their hours page."""
    comment = (comment or "").strip()
    if not comment:
        raise ActivityError(_("Reddetme gerekçesini yazın; gönüllü bunu görecek."), field="comment")
    if len(comment) > DESCRIPTION_MAX:
        raise ActivityError(_("Gerekçe en fazla 500 karakter olabilir."), field="comment")
    return _in_bulk(entries, status=HoursEntry.Status.REJECTED, by=by, comment=comment)
