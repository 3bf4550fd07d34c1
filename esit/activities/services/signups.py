"""The rules of signing up for shifts: places, waitlists, approval, cancellation, reminders.

Every service that takes or frees a place runs in one transaction and locks
rows in the order docs/activities.md fixes — volunteers' rows (ascending id),
then the shift's — so two requests can neither deadlock nor both take the
last place. Counting places after the shift's lock is therefore safe on
PostgreSQL; on SQLite the IMMEDIATE transaction mode serialises writers.

Places and the newcomer rule, precisely:

- A *place* is held by a CONFIRMED or a PENDING sign-up (a pending sign-up
  waits for a coordinator, and the place must still be there when they say
  yes). WAITLISTED and CANCELLED sign-ups hold none.
- A *newcomer* is a volunteer with no sign-up whose attendance is
  `attended`; everyone else is *returning*.
- A newcomer may take any free place. Returning volunteers may hold at most
  `capacity - newcomer_places` places of a shift between them, so the last
  `newcomer_places` places not held by returning volunteers stay open for
  first-time volunteers (once newcomers hold that many, nothing more is
  kept). A volunteer who does not fit is waitlisted.

Each change is announced by a notification (`notify`, kinds `signups.*`
defined in `esit/activities/mail/signups.py`) queued in the change's own
transaction: it leaves only after the commit, so nobody is told about a change
that rolled back.
"""

import datetime
from collections.abc import Iterable

from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from esit.accounts.models import User
from esit.activities.models import Activity, Shift, SignUp
from esit.notifications.services import Recipient, notify, notify_many
from esit.volunteers.models import Volunteer

from ..selectors.scope import RUN_ACTIVITIES, check_actor
from ..versions import bump_rosters, bump_signups
from . import locks, requirements, trail
from .errors import ActivityError

REMINDER_LEAD = datetime.timedelta(hours=24)
COMING_SALT = "esit.activities.signups.coming"


# Locks (services/locks.py keeps the order) ----------------------------------------------------


def _lock_volunteers(volunteer_ids: Iterable[int]) -> dict[int, Volunteer]:
    """Lock volunteers' rows in ascending id order: the first step of the fixed locking order."""
    return locks.lock_volunteers(volunteer_ids)


def _lock_shift(shift_id: int) -> Shift:
    """Lock the shift, then read its activity afresh (see locks.lock_shift)."""
    return locks.lock_shift(shift_id)


def _waitlisted_volunteer_ids(shift_id: int) -> list[int]:
    """Who is on the shift's waitlist now, read *before* any lock so they can be locked first.

    Someone may join the waitlist between this read and the shift's lock; they
    are not locked, so `_fill_from_waitlist` leaves them waiting and schedules
    another fill for after the commit.
    """
    return list(
        SignUp.objects.filter(shift_id=shift_id, status=SignUp.Status.WAITLISTED).values_list(
            "volunteer_id", flat=True
        )
    )


# Questions the rules ask ----------------------------------------------------------------------


def _attended_before() -> QuerySet[SignUp]:
    return SignUp.objects.filter(
        volunteer=OuterRef("volunteer"), attendance=SignUp.Attendance.ATTENDED
    )


def is_newcomer(volunteer: Volunteer) -> bool:
    """A first-time volunteer: nothing attended yet (docs/activities.md)."""
    return not SignUp.objects.filter(
        volunteer=volunteer, attendance=SignUp.Attendance.ATTENDED
    ).exists()


def _has_room(shift: Shift, *, newcomer: bool) -> bool:
    """Whether one more place can go to this volunteer; see the module docstring."""
    held = SignUp.objects.filter(shift=shift, status__in=SignUp.PLACE_HOLDING_STATUSES)
    if held.count() >= shift.capacity:
        return False
    if newcomer or not shift.newcomer_places:
        return True
    returning = held.filter(Exists(_attended_before())).count()
    return returning < shift.capacity - shift.newcomer_places


def _overlapping_confirmed(volunteer: Volunteer, shift: Shift) -> SignUp | None:
    return (
        SignUp.objects.filter(
            volunteer=volunteer,
            status=SignUp.Status.CONFIRMED,
            shift__starts_at__lt=shift.ends_at,
            shift__ends_at__gt=shift.starts_at,
        )
        .exclude(shift=shift)
        .select_related("shift__activity")
        .first()
    )


def _check_open_for_sign_up(shift: Shift, now: datetime.datetime) -> None:
    status = shift.activity.status
    if status == Activity.Status.CANCELLED:
        raise ActivityError(_("Bu etkinlik iptal edildi; kayıt alınmıyor."))
    if status == Activity.Status.COMPLETED:
        raise ActivityError(_("Bu etkinlik tamamlandı; kayıt alınmıyor."))
    if status != Activity.Status.PUBLISHED:
        raise ActivityError(_("Bu etkinlik henüz yayında değil; kayıt alınmıyor."))
    if shift.starts_at <= now:
        raise ActivityError(_("Bu vardiya başladı ya da sona erdi; artık kayıt alınmıyor."))


def _overlap_error(other: SignUp, *, volunteer: Volunteer | None = None) -> ActivityError:
    """The volunteer is told in the second person; a coordinator adding `volunteer`, by name."""
    details = {
        "activity": other.shift.activity.title,
        "start": timezone.localtime(other.shift.starts_at).strftime("%d.%m.%Y %H:%M"),
    }
    if volunteer is not None:
        return ActivityError(
            _(
                "%(name)s aynı saatlerde başka bir vardiyada onaylı (%(activity)s, %(start)s); "
                "aynı anda iki vardiyada olamaz."
            )
            % {"name": volunteer.full_name, **details},
            field="volunteer",
        )
    return ActivityError(
        _(
            "Aynı saatlerde onaylanmış başka bir vardiyanız var (%(activity)s, %(start)s). "
            "Aynı anda iki vardiyada olamazsınız."
        )
        % details
    )


def _tell(kind: str, signup: SignUp) -> None:
    """Queue the message `kind` (signups.*) to the sign-up's volunteer; it leaves after commit."""
    notify(kind, obj=signup, to=Recipient.of_user(signup.volunteer.user))


# Signing up -----------------------------------------------------------------------------------


def sign_up(
    *,
    volunteer: Volunteer,
    shift: Shift,
    by: User | None = None,
    override_requirements: bool = False,
) -> SignUp:
    """Sign a volunteer up for a shift: confirmed, pending approval, or waitlisted.

    Refused for an activity that is not published (draft, cancelled, completed),
    a shift that has started, a volunteer who left the programme, a second
    active sign-up for the same shift, a shift overlapping one the volunteer
    is already confirmed for (nobody can be in two places at once) and a
    volunteer who does not meet the shift's required areas and languages
    (services/requirements.py). With room (see the module docstring for
    newcomer places) the volunteer is confirmed, or pending when the activity
    asks for a coordinator's approval; without room they join the waitlist.
    The volunteer is told by e-mail either way.

    `by` a coordinator: they add the volunteer from the roster, under the same
    rules for places, the waitlist and overlaps, recorded as `added_by`. A
    place they give needs no further approval. With `override_requirements`
    they may add someone outside the requirements; who did so, and when, is
    recorded on the sign-up.
    """
    now = timezone.now()
    by_staff = _is_staff(by)
    if by_staff:
        check_actor(by, RUN_ACTIVITIES, activity_id=shift.activity_id)
    with transaction.atomic():
        volunteer_id = volunteer.pk
        locked = _lock_volunteers([volunteer_id]).get(volunteer_id)
        if locked is None or not locked.is_active:
            paused = locked is not None and locked.status == Volunteer.Status.PAUSED
            if by_staff:
                raise ActivityError(
                    _("Bu gönüllünün gönüllülüğü duraklatıldı; vardiyaya eklenemez.")
                    if paused
                    else _("Bu gönüllü programdan ayrıldı; vardiyaya eklenemez."),
                    field="volunteer",
                )
            raise ActivityError(
                _("Gönüllülüğünüz duraklatıldı; bu sürede vardiyalara kayıt olamazsınız.")
                if paused
                else _("Programdan ayrıldığınız için vardiyalara kayıt olamazsınız.")
            )
        volunteer = locked
        try:
            shift = _lock_shift(shift.pk)
        except Shift.DoesNotExist:
            raise ActivityError(_("Bu vardiya bulunamadı.")) from None
        _check_open_for_sign_up(shift, now)
        if SignUp.objects.filter(
            shift=shift, volunteer=volunteer, status__in=SignUp.ACTIVE_STATUSES
        ).exists():
            if by_staff:
                raise ActivityError(
                    _("%(name)s bu vardiyaya zaten kayıtlı.") % {"name": volunteer.full_name},
                    field="volunteer",
                )
            raise ActivityError(_("Bu vardiyaya zaten kayıtlısınız."))
        if by_staff:
            waived = requirements.check_for_coordinator(
                volunteer, shift, kind="shift", override=override_requirements
            )
        else:
            requirements.check_for_volunteer(volunteer, shift, kind="shift")
            waived = False
        if other := _overlapping_confirmed(volunteer, shift):
            raise _overlap_error(other, volunteer=volunteer if by_staff else None)

        if not _has_room(shift, newcomer=is_newcomer(volunteer)):
            status, kind = SignUp.Status.WAITLISTED, "signups.waitlisted"
        elif shift.activity.requires_approval and not by_staff:
            status, kind = SignUp.Status.PENDING, "signups.pending"
        else:
            status, kind = SignUp.Status.CONFIRMED, "signups.confirmed"
        if by_staff:
            kind = "signups.added_by_staff"
        signup = SignUp.objects.create(
            shift=shift,
            volunteer=volunteer,
            status=status,
            created_at=now,
            added_by=by if by_staff else None,
            requirements_waived_by=by if waived else None,
            requirements_waived_at=now if waived else None,
        )
        _tell(kind, signup)
        if by_staff:
            trail.record(
                "activities.signup_added",
                by=by,
                obj=signup,
                person=volunteer,
                summary=_("Durum: %(status)s%(waived)s"),
                status=signup.get_status_display(),
                waived=_("; gereken alan ve diller karşılanmadan") if waived else "",
            )
    return signup


def _is_staff(user: User | None) -> bool:
    return user is not None and getattr(user, "is_staff_member", False)


def cancellation_deadline(shift: Shift) -> datetime.datetime:
    """The last moment a volunteer may cancel their own sign-up."""
    return shift.starts_at - datetime.timedelta(hours=shift.activity.cancellation_deadline_hours)


def cancellation_deadline_passed(shift: Shift, *, now: datetime.datetime | None = None) -> bool:
    """Whether a volunteer signing up now could no longer cancel the place themselves."""
    return (now or timezone.now()) >= cancellation_deadline(shift)


def own_cancel_refusal(
    signup: SignUp, *, now: datetime.datetime | None = None
) -> StrOrPromise | None:
    """Why the volunteer may not cancel this sign-up themselves now, or None when they may.

    The one rule behind every "cancel my sign-up" button (the activity page,
    /me/shifts/) and behind `cancel_sign_up` itself, so no page offers what the
    service then refuses. A place can be given back until the activity's
    cancellation deadline, so the coordinator still has time to find someone;
    the waitlist can be left at any time; a sign-up whose attendance is already
    recorded (checked in, even before the start) stays. Reads
    `signup.shift.activity`.
    """
    now = now or timezone.now()
    if signup.status not in SignUp.ACTIVE_STATUSES:
        return _("Bu kayıt zaten iptal edilmiş.")
    if signup.attendance != SignUp.Attendance.UNKNOWN:
        return _("Katılımınız kaydedildiği için bu kayıt artık iptal edilemez.")
    if signup.status == SignUp.Status.WAITLISTED:
        return None
    if signup.shift.starts_at <= now:
        return _("Vardiya başladı; kayıt artık iptal edilemez.")
    if cancellation_deadline_passed(signup.shift, now=now):
        return _(
            "İptal süresi doldu: bu vardiya en geç başlamadan %(hours)s saat önce "
            "iptal edilebilirdi. Gelemeyecekseniz lütfen koordinatöre haber verin."
        ) % {"hours": signup.shift.activity.cancellation_deadline_hours}
    return None


def can_cancel_own(signup: SignUp, *, now: datetime.datetime | None = None) -> bool:
    return own_cancel_refusal(signup, now=now) is None


def cancel_sign_up(*, signup: SignUp, by: User | None = None) -> SignUp:
    """Cancel a sign-up; a freed place goes to the first waitlisted volunteer who fits.

    The volunteer (`by` is None or their own account) may cancel as
    `own_cancel_refusal` allows. Staff may cancel any sign-up at any time. A
    sign-up whose attendance is already recorded cannot be cancelled.
    """
    by_staff = _is_staff(by)
    if not by_staff:
        return _cancel(signup, keep_deadline=True, tell_volunteer=False)
    check_actor(by, RUN_ACTIVITIES, activity_id=signup.shift.activity_id)
    with transaction.atomic():
        was = signup.get_status_display()
        signup = _cancel(signup, keep_deadline=False, tell_volunteer=True)
        trail.record(
            "activities.signup_cancelled",
            by=by,
            obj=signup,
            person=signup.volunteer,
            summary=_("Önceki durum: %(status)s"),
            status=was,
        )
    return signup


def _cancel(signup: SignUp, *, keep_deadline: bool, tell_volunteer: bool) -> SignUp:
    now = timezone.now()
    with transaction.atomic():
        locked = _lock_volunteers(
            [signup.volunteer_id, *_waitlisted_volunteer_ids(signup.shift_id)]
        )
        shift = _lock_shift(signup.shift_id)
        signup = locks.signups_for_update().get(pk=signup.pk)
        signup.shift = shift
        if keep_deadline and (refusal := own_cancel_refusal(signup, now=now)):
            raise ActivityError(refusal)
        if signup.status not in SignUp.ACTIVE_STATUSES:
            raise ActivityError(_("Bu kayıt zaten iptal edilmiş."))
        if signup.attendance != SignUp.Attendance.UNKNOWN:
            raise ActivityError(_("Katılım kaydedildiği için bu kayıt iptal edilemez."))
        freed = signup.status in SignUp.PLACE_HOLDING_STATUSES
        signup.status = SignUp.Status.CANCELLED
        signup.cancelled_at = now
        signup.save(update_fields=["status", "cancelled_at"])
        if tell_volunteer:
            _tell("signups.cancelled_by_staff", signup)
        if freed:
            _fill_from_waitlist(shift, now=now, locked=locked.keys())
    return signup


def release_volunteer(*, volunteer: Volunteer) -> int:
    """Free every place a volunteer who left the programme still holds in shifts to come.

    Each active sign-up of a shift that has not started is cancelled as staff
    would (no cancellation deadline, attendance not yet recorded) and its place
    offered to the waitlist. The volunteer is not written to: they asked for no
    more e-mail when they left. Returns how many sign-ups were cancelled.
    """
    ids = SignUp.objects.filter(
        volunteer_id=volunteer.pk,
        status__in=SignUp.ACTIVE_STATUSES,
        attendance=SignUp.Attendance.UNKNOWN,
        shift__starts_at__gt=timezone.now(),
    ).values_list("pk", flat=True)
    cancelled = 0
    for signup in SignUp.objects.filter(pk__in=list(ids)).order_by("pk"):
        try:
            _cancel(signup, keep_deadline=False, tell_volunteer=False)
        except ActivityError:
            continue  # cancelled or checked in meanwhile: nothing to free
        cancelled += 1
    return cancelled


def _fill_from_waitlist(
    shift: Shift, *, now: datetime.datetime, locked: Iterable[int]
) -> list[SignUp]:
    """Give free places to waitlisted volunteers in the order they joined, skipping who can't fit.

    The caller holds the lock of the shift and of the volunteers in `locked`.
    A volunteer is skipped (and stays waitlisted) while they hold an overlapping
    confirmed shift or the free place is kept for newcomers. A waitlisted
    volunteer whose row the caller did not lock (they joined after the caller
    read the waitlist) is skipped too: promoting them unlocked could confirm them
    for an overlapping shift at the same moment. Another fill then runs after
    the commit, when their row can be locked first.
    """
    if shift.starts_at <= now or shift.activity.status != Activity.Status.PUBLISHED:
        return []
    locked = set(locked)
    promoted = []
    left_unlocked = False
    waiting = (
        SignUp.objects.filter(shift=shift, status=SignUp.Status.WAITLISTED)
        .select_related("volunteer__user")
        .order_by("created_at", "id")
    )
    for candidate in waiting:
        if not _has_room(shift, newcomer=True):
            break
        if candidate.volunteer_id not in locked:
            left_unlocked = True
            continue
        if not candidate.volunteer.is_active:
            continue
        if not _has_room(shift, newcomer=is_newcomer(candidate.volunteer)):
            continue
        if _overlapping_confirmed(candidate.volunteer, shift):
            continue
        if shift.activity.requires_approval:
            candidate.status = SignUp.Status.PENDING
        else:
            candidate.status = SignUp.Status.CONFIRMED
        candidate.save(update_fields=["status"])
        _tell("signups.promoted", candidate)
        promoted.append(candidate)
    if left_unlocked:
        shift_id = shift.pk
        # robust: the change that scheduled it has committed; a failed fill is logged, and
        # the next cancellation or capacity change offers the place again.
        transaction.on_commit(lambda: fill_from_waitlist(shift=Shift(pk=shift_id)), robust=True)
    return promoted


def fill_from_waitlist(*, shift: Shift) -> list[SignUp]:
    """Offer a shift's free places to its waitlist (for example after its capacity grew)."""
    with transaction.atomic():
        locked = _lock_volunteers(_waitlisted_volunteer_ids(shift.pk))
        return _fill_from_waitlist(_lock_shift(shift.pk), now=timezone.now(), locked=locked.keys())


# Coordinator approval -------------------------------------------------------------------------


def _locked_pending(
    signup: SignUp, extra_volunteers: Iterable[int] = ()
) -> tuple[SignUp, dict[int, Volunteer]]:
    locked = _lock_volunteers([signup.volunteer_id, *extra_volunteers])
    shift = _lock_shift(signup.shift_id)
    signup = locks.signups_for_update().select_related("volunteer__user").get(pk=signup.pk)
    signup.shift = shift
    if signup.status != SignUp.Status.PENDING:
        raise ActivityError(_("Bu kayıt onay beklemiyor."))
    return signup, locked


def approve_sign_up(*, signup: SignUp, by: User | None) -> SignUp:
    """A coordinator confirms a pending sign-up; its place was held while it waited.

    Refused once the shift is over, for a volunteer who left the programme and
    for one already confirmed for an overlapping shift.
    """
    check_actor(by, RUN_ACTIVITIES, activity_id=signup.shift.activity_id)
    with transaction.atomic():
        signup, locked = _locked_pending(signup)
        if signup.shift.ends_at <= timezone.now():
            raise ActivityError(_("Bu vardiya sona erdi; kayıt artık onaylanamaz."))
        volunteer = locked.get(signup.volunteer_id)
        if volunteer is None or not volunteer.is_active:
            message = (
                _("%(name)s adlı gönüllünün gönüllülüğü duraklatıldı; bu kayıt onaylanamaz.")
                if volunteer is not None and volunteer.status == Volunteer.Status.PAUSED
                else _("%(name)s programdan ayrıldı; bu kayıt onaylanamaz.")
            )
            raise ActivityError(message % {"name": signup.volunteer.full_name})
        if other := _overlapping_confirmed(signup.volunteer, signup.shift):
            raise ActivityError(
                _(
                    "%(name)s aynı saatlerde başka bir vardiyada onaylı (%(activity)s); "
                    "bu kayıt onaylanamaz."
                )
                % {"name": signup.volunteer.full_name, "activity": other.shift.activity.title}
            )
        signup.status = SignUp.Status.CONFIRMED
        signup.decided_by = by
        signup.decided_at = timezone.now()
        signup.save(update_fields=["status", "decided_by", "decided_at"])
        _tell("signups.approved", signup)
        trail.record(
            "activities.signup_approved",
            by=by,
            obj=signup,
            person=signup.volunteer,
            summary=_("Bekleyen kayıt onaylandı."),
        )
    return signup


def decline_sign_up(*, signup: SignUp, by: User | None) -> SignUp:
    """A coordinator declines a pending sign-up; the place it held goes to the waitlist."""
    check_actor(by, RUN_ACTIVITIES, activity_id=signup.shift.activity_id)
    now = timezone.now()
    with transaction.atomic():
        signup, locked = _locked_pending(signup, _waitlisted_volunteer_ids(signup.shift_id))
        signup.status = SignUp.Status.CANCELLED
        signup.cancelled_at = signup.decided_at = now
        signup.decided_by = by
        signup.save(update_fields=["status", "cancelled_at", "decided_by", "decided_at"])
        _tell("signups.declined", signup)
        trail.record(
            "activities.signup_declined",
            by=by,
            obj=signup,
            person=signup.volunteer,
            summary=_("Bekleyen kayıt reddedildi."),
        )
        _fill_from_waitlist(signup.shift, now=now, locked=locked.keys())
    return signup


# Activity cancelled ---------------------------------------------------------------------------


def notify_activity_cancelled(*, activity: Activity) -> int:
    """Cancel every active sign-up of a cancelled activity and tell each volunteer by e-mail.

    Called by the planning part's `cancel_activity`, inside its transaction.
    Returns how many volunteers are told.
    """
    now = timezone.now()
    with transaction.atomic():
        # The shifts first: a sign-up in progress holds its shift's lock, so it either
        # finishes before this (and is cancelled below) or then sees the activity cancelled.
        locks.lock_shifts_of(activity.pk)
        ids = list(
            locks.signups_for_update()
            .filter(shift__activity_id=activity.pk, status__in=SignUp.ACTIVE_STATUSES)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        SignUp.objects.filter(pk__in=ids).update(status=SignUp.Status.CANCELLED, cancelled_at=now)
        # update() sends no signal: the cached feeds of these volunteers are told here.
        bump_signups(SignUp.objects.filter(pk__in=ids).values_list("volunteer_id", flat=True))
        bump_rosters([activity.pk])
        _tell_each("signups.activity_cancelled", ids)
    return len(ids)


def _tell_each(kind: str, signup_ids: list[int]) -> None:
    """One message `kind` to the volunteer of each sign-up, queued as one batch."""
    told = SignUp.objects.filter(pk__in=signup_ids).select_related("volunteer__user")
    notify_many(kind, [(signup, Recipient.of_user(signup.volunteer.user)) for signup in told])


# Reminders and "I'm coming" -------------------------------------------------------------------


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Remind every confirmed volunteer whose shift starts within 24 hours, once.

    `reminder_sent_at` is set in the same transaction that queues the e-mail,
    and rows another run is handling are skipped (`skip_locked`), so two runs
    at once, or one run after another, never send a reminder twice. The reminder
    is an optional kind (`signups.reminder`): for a volunteer who turned it off
    the delivery is recorded and suppressed, not sent.
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            SignUp.objects.select_for_update(skip_locked=True, no_key=True, of=("self",))
            .filter(
                status=SignUp.Status.CONFIRMED,
                reminder_sent_at__isnull=True,
                shift__starts_at__gt=now,
                shift__starts_at__lte=now + REMINDER_LEAD,
                shift__activity__status=Activity.Status.PUBLISHED,
                volunteer__status=Volunteer.Status.ACTIVE,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        SignUp.objects.filter(pk__in=due).update(reminder_sent_at=now)
        # update() sends no signal: the kept rosters show who was reminded.
        reminded = SignUp.objects.filter(pk__in=due)
        bump_rosters(reminded.values_list("shift__activity_id", flat=True))
        bump_signups(reminded.values_list("volunteer_id", flat=True))
        _tell_each("signups.reminder", due)
    return len(due)


def coming_token(signup: SignUp) -> str:
    """The signed value behind the reminder's one-click link; it expires when the shift starts."""
    return signing.dumps(
        {"signup": signup.pk, "until": int(signup.shift.starts_at.timestamp())}, salt=COMING_SALT
    )


def signup_for_coming_token(token: str) -> SignUp:
    """The sign-up a reminder link was made for, or ActivityError for a tampered or expired link."""
    try:
        payload = signing.loads(token, salt=COMING_SALT)
        signup_id, until = int(payload["signup"]), int(payload["until"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ActivityError(
            _("Bu bağlantı geçersiz. Lütfen e-postadaki bağlantıyı eksiksiz açın.")
        ) from None
    if timezone.now().timestamp() >= until:
        raise ActivityError(_("Bu bağlantının süresi doldu: vardiya başladı."))
    signup = (
        SignUp.objects.select_related("shift__activity", "volunteer").filter(pk=signup_id).first()
    )
    if signup is None or signup.status != SignUp.Status.CONFIRMED:
        raise ActivityError(_("Bu vardiya kaydı artık geçerli değil."))
    return signup


def confirm_coming(*, signup: SignUp) -> SignUp:
    """The volunteer confirms they are coming, so coordinators need not look for a replacement."""
    with transaction.atomic():
        signup = locks.signups_for_update().select_related("shift__activity").get(pk=signup.pk)
        if signup.status != SignUp.Status.CONFIRMED:
            raise ActivityError(_("Bu vardiya kaydı artık geçerli değil."))
        if signup.shift.starts_at <= timezone.now():
            raise ActivityError(_("Bu vardiya başladı; geleceğinizi onaylamak için geç."))
        if signup.coming_confirmed_at is None:
            signup.coming_confirmed_at = timezone.now()
            signup.save(update_fields=["coming_confirmed_at"])
    return signup
