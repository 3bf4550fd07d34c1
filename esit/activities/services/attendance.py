"""Check-in at the door and no-shows: who really came, and the hours their work earns.

A coordinator scans (or types) the code in the volunteer's personal QR on the
shift's check-in page. In Turkish the word is "yoklama", never "giriş", which
already means signing in to the site. Attendance creates one pending hours
entry, which a coordinator approves later with the rest of the hours
(docs/activities.md).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.activities.models import Activity, HoursEntry, Shift, SignUp
from esit.volunteers.models import Volunteer

from ..selectors.scope import RUN_ACTIVITIES, check_actor
from ..versions import bump_rosters, bump_signups
from . import locks, records, trail
from .errors import ActivityError
from .hours import area_of_activity

# A coordinator opens the door a little before the shift; earlier than this a scan is a mistake.
CHECK_IN_OPENS_BEFORE = datetime.timedelta(hours=2)


def normalise_code(code: str) -> str:
    """Codes are read case-insensitively and with any spaces people or scanners add."""
    return "".join((code or "").split()).upper()


def shift_hours(shift: Shift) -> Decimal:
    """A shift's length in hours, to two decimals (an entry holds at most 24)."""
    seconds = Decimal((shift.ends_at - shift.starts_at).total_seconds())
    hours = (seconds / Decimal(3600)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return min(hours, HoursEntry.MAX_HOURS)


def check_in_is_open(shift: Shift, *, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return now >= shift.starts_at - CHECK_IN_OPENS_BEFORE


def check_in(*, shift: Shift, code: str, by: User | None) -> SignUp:
    """Mark the volunteer whose check-in code this is as attended, with one pending hours entry.

    Only a volunteer confirmed for this shift can be checked in; the check-in
    opens two hours before the shift starts (an earlier scan is a mistake) and
    stays open afterwards, so a coordinator can correct a no-show. Checking in
    twice changes nothing and never creates a second hours entry.
    """
    check_actor(by, RUN_ACTIVITIES, activity_id=shift.activity_id)
    normalised = normalise_code(code)
    if not normalised:
        raise ActivityError(_("Gönüllünün kodunu okutun ya da yazın."), field="code")
    found = Volunteer.objects.filter(checkin_code=normalised).values_list("pk", flat=True).first()
    if found is None:
        raise ActivityError(
            _("Bu kod hiçbir gönüllüye ait değil. Kodu kontrol edip yeniden deneyin."),
            field="code",
        )
    now = timezone.now()
    with transaction.atomic():
        volunteer = locks.lock_volunteer(found)
        shift = locks.lock_shift(shift.pk)
        if shift.activity.status == Activity.Status.CANCELLED:
            raise ActivityError(_("Bu etkinlik iptal edildi; yoklama alınamaz."), field="code")
        if shift.activity.status == Activity.Status.DRAFT:
            raise ActivityError(
                _("Bu etkinlik henüz yayında değil; yoklama alınamaz."), field="code"
            )
        if not volunteer.is_active:
            message = (
                _("%(name)s adlı gönüllünün gönüllülüğü duraklatıldı; yoklamaya eklenemez.")
                if volunteer.status == Volunteer.Status.PAUSED
                else _("%(name)s programdan ayrıldı; yoklamaya eklenemez.")
            )
            raise ActivityError(message % {"name": volunteer.full_name}, field="code")
        if not check_in_is_open(shift, now=now):
            raise ActivityError(
                _("Yoklama, vardiya başlamadan en erken iki saat önce açılır."), field="code"
            )
        signup = (
            locks.signups_for_update()
            .filter(shift=shift, volunteer=volunteer, status=SignUp.Status.CONFIRMED)
            .first()
        )
        if signup is None:
            raise ActivityError(
                _("%(name)s bu vardiya için onaylı kayıtlı değil.") % {"name": volunteer.full_name},
                field="code",
            )
        signup.shift, signup.volunteer = shift, volunteer
        if signup.attendance != SignUp.Attendance.ATTENDED:
            signup.attendance = SignUp.Attendance.ATTENDED
            signup.checked_in_at = now
            signup.checked_in_by = by
            signup.save(update_fields=["attendance", "checked_in_at", "checked_in_by"])
            trail.record(
                "activities.checked_in",
                by=by,
                obj=signup,
                person=volunteer,
                summary=_("Yoklamada geldi olarak işaretlendi."),
            )
        if not HoursEntry.objects.filter(signup=signup).exists():
            HoursEntry.objects.create(
                volunteer=volunteer,
                source=HoursEntry.Source.ATTENDANCE,
                signup=signup,
                activity=shift.activity,
                area=area_of_activity(shift.activity),
                date=timezone.localdate(shift.starts_at),
                hours=shift_hours(shift),
                status=HoursEntry.Status.PENDING,
            )
    return signup


def mark_no_shows(*, shift: Shift, by: User | None) -> int:
    """After a shift has ended, every confirmed volunteer not checked in is recorded as a no-show.

    No-shows count against a volunteer's reliability in matching, so this is
    only possible once the shift is over. Returns how many were marked.
    """
    check_actor(by, RUN_ACTIVITIES, activity_id=shift.activity_id)
    with transaction.atomic():
        shift = locks.lock_shift(shift.pk)
        if shift.ends_at > timezone.now():
            raise ActivityError(_("Gelmeyenler ancak vardiya bittikten sonra işaretlenebilir."))
        absent = list(
            locks.signups_for_update()
            .filter(
                shift=shift,
                status=SignUp.Status.CONFIRMED,
                attendance=SignUp.Attendance.UNKNOWN,
            )
            .select_related("volunteer")
            .order_by("pk")
        )
        SignUp.objects.filter(pk__in=[signup.pk for signup in absent]).update(
            attendance=SignUp.Attendance.NO_SHOW
        )
        # update() sends no signal: the kept roster and the volunteers' feeds are told here.
        bump_rosters([shift.activity_id])
        bump_signups(signup.volunteer_id for signup in absent)
        records.refresh(signup.volunteer_id for signup in absent)
        # One event per person, so each volunteer's trail shows her own no-show.
        for signup in absent:
            trail.record(
                "activities.no_show",
                by=by,
                obj=signup,
                person=signup.volunteer,
                summary=_("Vardiya bittiğinde gelmedi olarak işaretlendi."),
            )
        return len(absent)
