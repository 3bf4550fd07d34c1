"""Members of the public registering for workshops open to them, and calendar tokens.

Registration locks the activity's row (docs/activities.md: the activity is
the row that guards public places) before it counts, so two people taking
the last place at once cannot both be confirmed, on PostgreSQL or SQLite.
Every service here that changes a registration takes the same two locks in
the documented order: the activity, then the participant's row.

Staff see the participants of an activity, may cancel a registration (the
person is told by e-mail and the waitlist moves up as after their own
cancellation) and record who attended once the activity has started.

E-mails are notifications (kinds `participants.*`, esit/activities/mail/participants.py)
queued in the change's transaction, to the address and language the person registered
with: they leave only after the commit.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.core.email_address import normalise_email
from esit.notifications.services import Recipient, notify
from esit.privacy.services import record_consent
from esit.volunteers.models import Volunteer, new_calendar_token

from ..models import Activity, Participant
from ..selectors.scope import RUN_ACTIVITIES, check_actor
from . import locks, trail
from .errors import ActivityError

ACTIVE_STATUSES = (Participant.Status.CONFIRMED, Participant.Status.WAITLISTED)


class RegistrationClosed(ActivityError):
    """The activity takes no (more) public registrations."""


class AlreadyRegistered(ActivityError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Bu e-posta adresiyle bu etkinliğe zaten kaydınız var. Kaydınızı iptal etmek "
                "için onay e-postasındaki bağlantıyı kullanabilirsiniz."
            ),
            field="email",
        )


def recipient_of(participant: Participant) -> Recipient:
    """A member of the public has no account: her address and the language she registered in."""
    return Recipient(address=participant.email, language=participant.language)


def _tell(kind: str, participant: Participant) -> None:
    notify(kind, obj=participant, to=recipient_of(participant))


def _locked_activity(activity: Activity) -> Activity:
    return locks.lock_activity(activity.pk)


def _check_open_for_registration(activity: Activity, now: datetime.datetime) -> None:
    if activity.status == Activity.Status.CANCELLED:
        raise RegistrationClosed(_("Bu etkinlik iptal edildi; kayıt alınmıyor."))
    if activity.status != Activity.Status.PUBLISHED or not activity.public_registration:
        raise RegistrationClosed(_("Bu etkinlik halka açık kayıt almıyor."))
    if activity.starts_at <= now:
        raise RegistrationClosed(_("Bu etkinlik başladı ya da sona erdi; artık kayıt alınmıyor."))


def register_participant(
    *, activity: Activity, name: str, email: str, phone: str, language: str, ip: str
) -> Participant:
    """Register a member of the public: confirmed while places remain, otherwise waitlisted.

    One active registration per e-mail per activity (a database constraint
    guards it too). Their explicit KVKK consent is recorded with the
    registration, and the confirmation e-mail carries their private cancel link.
    """
    email = normalise_email(email)
    now = timezone.now()
    try:
        with transaction.atomic():
            activity = _locked_activity(activity)
            _check_open_for_registration(activity, now)
            active = Participant.objects.filter(activity=activity, status__in=ACTIVE_STATUSES)
            if active.filter(email=email).exists():
                raise AlreadyRegistered()
            confirmed = active.filter(status=Participant.Status.CONFIRMED).count()
            status = (
                Participant.Status.CONFIRMED
                if confirmed < activity.public_capacity
                else Participant.Status.WAITLISTED
            )
            participant = Participant.objects.create(
                activity=activity,
                name=name.strip(),
                email=email,
                phone=phone.strip(),
                status=status,
                language=language,
                consent=record_consent(email=email, ip=ip, at=now),
                registered_at=now,
            )
            _tell("participants.registered", participant)
    except IntegrityError:
        # The database's constraint is the last word on one registration per e-mail.
        if Participant.objects.filter(
            activity_id=activity.pk, email=email, status__in=ACTIVE_STATUSES
        ).exists():
            raise AlreadyRegistered() from None
        raise
    return participant


def _is_staff(user: User | None) -> bool:
    return user is not None and getattr(user, "is_staff_member", False)


def cancel_registration(*, participant: Participant, by: User | None = None) -> Participant:
    """Cancel a registration; the first waitlisted person in line takes the freed place and
    is told by e-mail.

    The participant (`by` None) cancels through their private link until the
    activity starts. Staff may cancel at any time until attendance is
    recorded; the participant is then told that a coordinator cancelled it.
    """
    now = timezone.now()
    by_staff = _is_staff(by)
    if by_staff:
        check_actor(by, RUN_ACTIVITIES, activity_id=participant.activity_id)
    with transaction.atomic():
        activity = _locked_activity(participant.activity)
        participant = locks.participants_for_update().get(pk=participant.pk)
        if participant.status == Participant.Status.CANCELLED:
            raise ActivityError(_("Bu kayıt zaten iptal edilmiş."))
        if participant.attendance != Participant.Attendance.UNKNOWN:
            raise ActivityError(_("Katılım kaydedildiği için bu kayıt iptal edilemez."))
        if not by_staff and activity.starts_at <= now:
            raise ActivityError(
                _("Bu etkinlik başladı ya da sona erdi; kayıt artık iptal edilemez.")
            )
        participant.status = Participant.Status.CANCELLED
        participant.cancelled_at = now
        participant.save(update_fields=["status", "cancelled_at"])
        _tell(
            "participants.cancelled_by_staff" if by_staff else "participants.cancelled",
            participant,
        )
        if by_staff:
            trail.record(
                "activities.participant_cancelled",
                by=by,
                obj=participant,
                person=participant,
                summary=_("Katılımcı kaydı iptal edildi."),
            )
        promote_waitlisted(activity=activity)
    return participant


def record_participant_attendance(
    *, participant: Participant, attended: bool, by: User | None
) -> Participant:
    """Staff record whether a confirmed participant came: attended or no-show.

    Only once the activity has started (before that nobody can have come) and
    only for a confirmed registration (a waitlisted or cancelled person had no
    place). A mistake is corrected by recording again; who recorded it, and
    when, is kept.
    """
    check_actor(by, RUN_ACTIVITIES, activity_id=participant.activity_id)
    now = timezone.now()
    with transaction.atomic():
        activity = _locked_activity(participant.activity)
        participant = locks.participants_for_update().get(pk=participant.pk)
        if activity.status in (Activity.Status.DRAFT, Activity.Status.CANCELLED):
            raise ActivityError(_("Bu etkinlik yayında değil; katılım kaydedilemez."))
        if activity.starts_at > now:
            raise ActivityError(_("Katılım ancak etkinlik başladıktan sonra kaydedilebilir."))
        if participant.status != Participant.Status.CONFIRMED:
            raise ActivityError(
                _("Yalnızca kaydı onaylanmış bir katılımcının katılımı kaydedilebilir.")
            )
        participant.attendance = (
            Participant.Attendance.ATTENDED if attended else Participant.Attendance.NO_SHOW
        )
        participant.attendance_recorded_at = now
        participant.attendance_recorded_by = by
        participant.save(
            update_fields=["attendance", "attendance_recorded_at", "attendance_recorded_by"]
        )
        trail.record(
            "activities.participant_attendance",
            by=by,
            obj=participant,
            person=participant,
            summary=_("Katılım: %(attendance)s"),
            attendance=participant.get_attendance_display(),
        )
    return participant


def promote_waitlisted(*, activity: Activity) -> list[Participant]:
    """Fill free public places from the waitlist, first come first served, telling each person.

    The caller holds the activity's lock (locks.lock_activity) in its own
    transaction: after a cancellation, or after staff raised `public_capacity`.
    Only a published activity that has not started promotes anyone.
    """
    if activity.status != Activity.Status.PUBLISHED or activity.starts_at <= timezone.now():
        return []
    confirmed = Participant.objects.filter(
        activity=activity, status=Participant.Status.CONFIRMED
    ).count()
    free = activity.public_capacity - confirmed
    if free <= 0:
        return []
    promoted = list(
        locks.participants_for_update()
        .filter(activity=activity, status=Participant.Status.WAITLISTED)
        .order_by("registered_at", "id")[:free]
    )
    for person in promoted:
        person.status = Participant.Status.CONFIRMED
        person.save(update_fields=["status"])
        _tell("participants.promoted", person)
    return promoted


def reset_calendar_token(*, volunteer: Volunteer) -> Volunteer:
    """Give the volunteer a new private feed address; the old one stops working at once
    (for when the link was shared or leaked)."""
    with transaction.atomic():
        volunteer = locks.lock_volunteer(volunteer.pk)
        volunteer.calendar_token = new_calendar_token()
        volunteer.save(update_fields=["calendar_token"])
    return volunteer
