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

E-mails go out after commit (`transaction.on_commit`), so nobody is told
about a change that rolled back.
"""

import datetime
from collections.abc import Iterable

from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.activities import tasks_signups as tasks
from esit.activities.models import Activity, Shift, SignUp
from esit.volunteers.models import Volunteer

from .errors import ActivityError

REMINDER_LEAD = datetime.timedelta(hours=24)
COMING_SALT = "esit.activities.signups.coming"

PLACE_HOLDING = (SignUp.Status.CONFIRMED, SignUp.Status.PENDING)


# Locks ----------------------------------------------------------------------------------------


def _lock_volunteers(volunteer_ids: Iterable[int]) -> dict[int, Volunteer]:
    """Lock volunteers' rows in ascending id order: the first step of the fixed locking order."""
    rows = (
        Volunteer.objects.select_for_update(of=("self",))
        .filter(pk__in=set(volunteer_ids))
        .order_by("pk")
        .select_related("user")
    )
    return {volunteer.pk: volunteer for volunteer in rows}


def _lock_shift(shift_id: int) -> Shift:
    """Lock the shift, then read its activity afresh.

    The activity is read by a separate query *after* the lock: cancelling an
    activity locks its shifts first (`notify_activity_cancelled`), so a sign-up
    that waited for the lock sees the cancellation, not the status from before.
    """
    shift = Shift.objects.select_for_update(of=("self",)).get(pk=shift_id)
    shift.activity = Activity.objects.get(pk=shift.activity_id)
    return shift


# Questions the rules ask ----------------------------------------------------------------------


def _attended_before():
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
    held = SignUp.objects.filter(shift=shift, status__in=PLACE_HOLDING)
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


def _overlap_error(other: SignUp) -> ActivityError:
    return ActivityError(
        _(
            "Aynı saatlerde onaylanmış başka bir vardiyanız var (%(activity)s, %(start)s). "
            "Aynı anda iki vardiyada olamazsınız."
        )
        % {
            "activity": other.shift.activity.title,
            "start": timezone.localtime(other.shift.starts_at).strftime("%d.%m.%Y %H:%M"),
        }
    )


def _after_commit(task, signup_id: int) -> None:
    transaction.on_commit(lambda: task.enqueue(signup_id))


# Signing up -----------------------------------------------------------------------------------


def sign_up(*, volunteer: Volunteer, shift: Shift) -> SignUp:
    """Sign a volunteer up for a shift: confirmed, pending approval, or waitlisted.

    Refused for an activity that is not published (draft, cancelled, completed),
    a shift that has started, a volunteer who left the programme, a second
    active sign-up for the same shift and a shift overlapping one the volunteer
    is already confirmed for (nobody can be in two places at once). With room
    (see the module docstring for newcomer places) the volunteer is confirmed,
    or pending when the activity asks for a coordinator's approval; without
    room they join the waitlist. The volunteer is told by e-mail either way.
    """
    now = timezone.now()
    with transaction.atomic():
        volunteer = _lock_volunteers([volunteer.pk]).get(volunteer.pk)
        if volunteer is None or not volunteer.is_active:
            raise ActivityError(_("Programdan ayrıldığınız için vardiyalara kayıt olamazsınız."))
        try:
            shift = _lock_shift(shift.pk)
        except Shift.DoesNotExist:
            raise ActivityError(_("Bu vardiya bulunamadı.")) from None
        _check_open_for_sign_up(shift, now)
        if SignUp.objects.filter(
            shift=shift, volunteer=volunteer, status__in=SignUp.ACTIVE_STATUSES
        ).exists():
            raise ActivityError(_("Bu vardiyaya zaten kayıtlısınız."))
        if other := _overlapping_confirmed(volunteer, shift):
            raise _overlap_error(other)

        if not _has_room(shift, newcomer=is_newcomer(volunteer)):
            status, task = SignUp.Status.WAITLISTED, tasks.send_signup_waitlisted
        elif shift.activity.requires_approval:
            status, task = SignUp.Status.PENDING, tasks.send_signup_pending
        else:
            status, task = SignUp.Status.CONFIRMED, tasks.send_signup_confirmed
        signup = SignUp.objects.create(
            shift=shift, volunteer=volunteer, status=status, created_at=now
        )
        _after_commit(task, signup.pk)
    return signup


def _is_staff(user) -> bool:
    return user is not None and getattr(user, "is_staff_member", False)


def cancellation_deadline(shift: Shift) -> datetime.datetime:
    """The last moment a volunteer may cancel their own sign-up."""
    return shift.starts_at - datetime.timedelta(hours=shift.activity.cancellation_deadline_hours)


def can_cancel_own(signup: SignUp, *, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return signup.status in SignUp.ACTIVE_STATUSES and (
        signup.status == SignUp.Status.WAITLISTED or now < cancellation_deadline(signup.shift)
    )


def cancel_sign_up(*, signup: SignUp, by=None) -> SignUp:
    """Cancel a sign-up; a freed place goes to the first waitlisted volunteer who fits.

    The volunteer (`by` is None or their own account) may cancel a place until
    the activity's `cancellation_deadline_hours` before the shift starts, so the
    coordinator still has time to find someone; leaving the waitlist is always
    possible. Staff may cancel any sign-up at any time. A sign-up whose
    attendance is already recorded cannot be cancelled.
    """
    now = timezone.now()
    by_staff = _is_staff(by)
    with transaction.atomic():
        waiting = SignUp.objects.filter(
            shift_id=signup.shift_id, status=SignUp.Status.WAITLISTED
        ).values_list("volunteer_id", flat=True)
        _lock_volunteers([signup.volunteer_id, *waiting])
        shift = _lock_shift(signup.shift_id)
        signup = SignUp.objects.select_for_update(of=("self",)).get(pk=signup.pk)
        signup.shift = shift
        if signup.status not in SignUp.ACTIVE_STATUSES:
            raise ActivityError(_("Bu kayıt zaten iptal edilmiş."))
        if signup.attendance != SignUp.Attendance.UNKNOWN:
            raise ActivityError(_("Katılım kaydedildiği için bu kayıt iptal edilemez."))
        if not by_staff and not can_cancel_own(signup, now=now):
            raise ActivityError(
                _(
                    "İptal süresi doldu: bu vardiya en geç başlamadan %(hours)s saat önce "
                    "iptal edilebilirdi. Gelemeyecekseniz lütfen koordinatöre haber verin."
                )
                % {"hours": shift.activity.cancellation_deadline_hours}
            )
        freed = signup.status in PLACE_HOLDING
        signup.status = SignUp.Status.CANCELLED
        signup.cancelled_at = now
        signup.save(update_fields=["status", "cancelled_at"])
        if by_staff:
            _after_commit(tasks.send_signup_cancelled_by_staff, signup.pk)
        if freed:
            _fill_from_waitlist(shift, now=now)
    return signup


def _fill_from_waitlist(shift: Shift, *, now: datetime.datetime) -> list[SignUp]:
    """Give free places to waitlisted volunteers in the order they joined, skipping who can't fit.

    The caller holds the locks of the shift and of every waitlisted volunteer.
    A volunteer is skipped (and stays waitlisted) while they hold an overlapping
    confirmed shift or the free place is kept for newcomers.
    """
    if shift.starts_at <= now or shift.activity.status != Activity.Status.PUBLISHED:
        return []
    promoted = []
    waiting = (
        SignUp.objects.filter(shift=shift, status=SignUp.Status.WAITLISTED)
        .select_related("volunteer")
        .order_by("created_at", "id")
    )
    for candidate in waiting:
        if not candidate.volunteer.is_active:
            continue
        if not _has_room(shift, newcomer=is_newcomer(candidate.volunteer)):
            if not _has_room(shift, newcomer=True):
                break
            continue
        if _overlapping_confirmed(candidate.volunteer, shift):
            continue
        if shift.activity.requires_approval:
            candidate.status = SignUp.Status.PENDING
        else:
            candidate.status = SignUp.Status.CONFIRMED
        candidate.save(update_fields=["status"])
        _after_commit(tasks.send_signup_promoted, candidate.pk)
        promoted.append(candidate)
    return promoted


def fill_from_waitlist(*, shift: Shift) -> list[SignUp]:
    """Offer a shift's free places to its waitlist (for example after its capacity grew)."""
    with transaction.atomic():
        waiting = SignUp.objects.filter(
            shift_id=shift.pk, status=SignUp.Status.WAITLISTED
        ).values_list("volunteer_id", flat=True)
        _lock_volunteers(waiting)
        return _fill_from_waitlist(_lock_shift(shift.pk), now=timezone.now())


# Coordinator approval -------------------------------------------------------------------------


def _locked_pending(signup: SignUp, extra_volunteers: Iterable[int] = ()) -> SignUp:
    _lock_volunteers([signup.volunteer_id, *extra_volunteers])
    shift = _lock_shift(signup.shift_id)
    signup = (
        SignUp.objects.select_for_update(of=("self",)).select_related("volunteer").get(pk=signup.pk)
    )
    signup.shift = shift
    if signup.status != SignUp.Status.PENDING:
        raise ActivityError(_("Bu kayıt onay beklemiyor."))
    return signup


def approve_sign_up(*, signup: SignUp, by) -> SignUp:
    """A coordinator confirms a pending sign-up; its place was held while it waited."""
    with transaction.atomic():
        signup = _locked_pending(signup)
        if signup.shift.ends_at <= timezone.now():
            raise ActivityError(_("Bu vardiya sona erdi; kayıt artık onaylanamaz."))
        if other := _overlapping_confirmed(signup.volunteer, signup.shift):
            raise ActivityError(
                _(
                    "%(name)s aynı saatlerde başka bir vardiyada onaylı (%(activity)s); "
                    "bu kayıt onaylanamaz."
                )
                % {"name": signup.volunteer.full_name, "activity": other.shift.activity.title}
            )
        signup.status = SignUp.Status.CONFIRMED
        signup.save(update_fields=["status"])
        _after_commit(tasks.send_signup_approved, signup.pk)
    return signup


def decline_sign_up(*, signup: SignUp, by) -> SignUp:
    """A coordinator declines a pending sign-up; the place it held goes to the waitlist."""
    now = timezone.now()
    with transaction.atomic():
        waiting = SignUp.objects.filter(
            shift_id=signup.shift_id, status=SignUp.Status.WAITLISTED
        ).values_list("volunteer_id", flat=True)
        signup = _locked_pending(signup, waiting)
        signup.status = SignUp.Status.CANCELLED
        signup.cancelled_at = now
        signup.save(update_fields=["status", "cancelled_at"])
        _after_commit(tasks.send_signup_declined, signup.pk)
        _fill_from_waitlist(signup.shift, now=now)
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
        list(
            Shift.objects.select_for_update()
            .filter(activity_id=activity.pk)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        ids = list(
            SignUp.objects.select_for_update(of=("self",))
            .filter(shift__activity_id=activity.pk, status__in=SignUp.ACTIVE_STATUSES)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        SignUp.objects.filter(pk__in=ids).update(status=SignUp.Status.CANCELLED, cancelled_at=now)
        for signup_id in ids:
            _after_commit(tasks.send_activity_cancelled, signup_id)
    return len(ids)


# Reminders and "I'm coming" -------------------------------------------------------------------


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Remind every confirmed volunteer whose shift starts within 24 hours, once.

    `reminder_sent_at` is set in the same transaction that enqueues the e-mail,
    and rows another run is handling are skipped (`skip_locked`), so two runs
    at once, or one run after another, never send a reminder twice. Volunteers
    who turned reminders off are not written to.
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            SignUp.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                status=SignUp.Status.CONFIRMED,
                reminder_sent_at__isnull=True,
                shift__starts_at__gt=now,
                shift__starts_at__lte=now + REMINDER_LEAD,
                shift__activity__status=Activity.Status.PUBLISHED,
                volunteer__status=Volunteer.Status.ACTIVE,
                volunteer__notify_reminders=True,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        SignUp.objects.filter(pk__in=due).update(reminder_sent_at=now)
        for signup_id in due:
            _after_commit(tasks.send_shift_reminder, signup_id)
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
        signup = (
            SignUp.objects.select_for_update(of=("self",))
            .select_related("shift__activity")
            .get(pk=signup.pk)
        )
        if signup.status != SignUp.Status.CONFIRMED:
            raise ActivityError(_("Bu vardiya kaydı artık geçerli değil."))
        if signup.shift.starts_at <= timezone.now():
            raise ActivityError(_("Bu vardiya başladı; geleceğinizi onaylamak için geç."))
        if signup.coming_confirmed_at is None:
            signup.coming_confirmed_at = timezone.now()
            signup.save(update_fields=["coming_confirmed_at"])
    return signup
