"""Background e-mail about shift sign-ups. Tasks take ids and load fresh rows (STYLE.md §13).

An e-mail may leave a while after the change it announces, so each task
checks that what it is about to say is still true: a reminder only for a
confirmed place in a published activity's shift that has not started, a
confirmation only while the volunteer still holds it, and so on. Otherwise
nothing is sent.
"""

from django.tasks import task
from django.utils import timezone

from . import emails_signups as emails
from .models import Activity, SignUp

_CONFIRMED = (SignUp.Status.CONFIRMED,)
_PENDING = (SignUp.Status.PENDING,)
_WAITLISTED = (SignUp.Status.WAITLISTED,)
_CANCELLED = (SignUp.Status.CANCELLED,)


def _load(signup_id: int) -> SignUp | None:
    return (
        SignUp.objects.select_related("shift__activity__district", "volunteer__user")
        .filter(pk=signup_id)
        .first()
    )


def _still(signup_id: int, statuses, *, upcoming: bool = True) -> SignUp | None:
    """The sign-up if it still has one of `statuses` (and, with `upcoming`, its shift is ahead
    in a published activity); otherwise None and no e-mail."""
    signup = _load(signup_id)
    if signup is None or signup.status not in statuses:
        return None
    if upcoming and (
        signup.shift.starts_at <= timezone.now()
        or signup.shift.activity.status != Activity.Status.PUBLISHED
    ):
        return None
    return signup


@task
def send_signup_confirmed(signup_id: int) -> None:
    if signup := _still(signup_id, _CONFIRMED):
        emails.send_confirmed(signup)


@task
def send_signup_pending(signup_id: int) -> None:
    if signup := _still(signup_id, _PENDING):
        emails.send_pending(signup)


@task
def send_signup_waitlisted(signup_id: int) -> None:
    if signup := _still(signup_id, _WAITLISTED):
        emails.send_waitlisted(signup)


@task
def send_signup_promoted(signup_id: int) -> None:
    if signup := _still(signup_id, SignUp.PLACE_HOLDING_STATUSES):
        emails.send_promoted(signup)


@task
def send_signup_approved(signup_id: int) -> None:
    if signup := _still(signup_id, _CONFIRMED):
        emails.send_approved(signup)


@task
def send_signup_declined(signup_id: int) -> None:
    if signup := _still(signup_id, _CANCELLED, upcoming=False):
        emails.send_declined(signup)


@task
def send_signup_added_by_staff(signup_id: int) -> None:
    if signup := _still(signup_id, (*_CONFIRMED, *_WAITLISTED)):
        emails.send_added_by_staff(signup)


@task
def send_signup_cancelled_by_staff(signup_id: int) -> None:
    if signup := _still(signup_id, _CANCELLED, upcoming=False):
        emails.send_cancelled_by_staff(signup)


@task
def send_activity_cancelled(signup_id: int) -> None:
    if signup := _still(signup_id, _CANCELLED, upcoming=False):
        emails.send_activity_cancelled(signup)


@task
def send_shift_reminder(signup_id: int) -> None:
    signup = _still(signup_id, _CONFIRMED)
    if signup and signup.volunteer.is_active and signup.volunteer.notify_reminders:
        emails.send_reminder(signup)
