"""Background e-mail about shift sign-ups. Tasks take ids and load fresh rows (STYLE.md §13)."""

from django.tasks import task

from . import emails_signups as emails
from .models import SignUp


def _load(signup_id: int) -> SignUp | None:
    return (
        SignUp.objects.select_related("shift__activity__district", "volunteer__user")
        .filter(pk=signup_id)
        .first()
    )


@task
def send_signup_confirmed(signup_id: int) -> None:
    if signup := _load(signup_id):
        emails.send_confirmed(signup)


@task
def send_signup_pending(signup_id: int) -> None:
    if signup := _load(signup_id):
        emails.send_pending(signup)


@task
def send_signup_waitlisted(signup_id: int) -> None:
    if signup := _load(signup_id):
        emails.send_waitlisted(signup)


@task
def send_signup_promoted(signup_id: int) -> None:
    if signup := _load(signup_id):
        emails.send_promoted(signup)


@task
def send_signup_approved(signup_id: int) -> None:
    if signup := _load(signup_id):
        emails.send_approved(signup)


@task
def send_signup_declined(signup_id: int) -> None:
    if signup := _load(signup_id):
        emails.send_declined(signup)


@task
def send_signup_cancelled_by_staff(signup_id: int) -> None:
    if signup := _load(signup_id):
        emails.send_cancelled_by_staff(signup)


@task
def send_activity_cancelled(signup_id: int) -> None:
    if signup := _load(signup_id):
        emails.send_activity_cancelled(signup)


@task
def send_shift_reminder(signup_id: int) -> None:
    if signup := _load(signup_id):
        emails.send_reminder(signup)
