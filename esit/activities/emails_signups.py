"""E-mails to volunteers about their shift sign-ups, in the volunteer's own language."""

from django.conf import settings
from django.urls import reverse

from esit.core.mail import send_templated_mail

from .models import SignUp


def activity_url(signup: SignUp) -> str:
    return settings.SITE_URL + reverse("activities:detail", args=[signup.shift.activity_id])


def my_shifts_url() -> str:
    return settings.SITE_URL + reverse("signups:my_shifts")


def _send(signup: SignUp, template: str, **extra) -> None:
    user = signup.volunteer.user
    send_templated_mail(
        template_prefix=f"activities/email/signups/{template}",
        to=user.email,
        language=user.preferred_language,
        context={
            "signup": signup,
            "shift": signup.shift,
            "activity": signup.shift.activity,
            "volunteer": signup.volunteer,
            "activity_url": activity_url(signup),
            "my_shifts_url": my_shifts_url(),
            **extra,
        },
    )


def send_confirmed(signup: SignUp) -> None:
    _send(signup, "confirmed")


def send_pending(signup: SignUp) -> None:
    _send(signup, "pending")


def send_waitlisted(signup: SignUp) -> None:
    _send(signup, "waitlisted")


def send_promoted(signup: SignUp) -> None:
    _send(signup, "promoted")


def send_approved(signup: SignUp) -> None:
    _send(signup, "approved")


def send_declined(signup: SignUp) -> None:
    _send(signup, "declined")


def send_added_by_staff(signup: SignUp) -> None:
    _send(signup, "added_by_staff")


def send_cancelled_by_staff(signup: SignUp) -> None:
    _send(signup, "cancelled_by_staff")


def send_activity_cancelled(signup: SignUp) -> None:
    _send(signup, "activity_cancelled")


def send_reminder(signup: SignUp) -> None:
    from .services.signups import coming_token

    confirm_url = settings.SITE_URL + reverse("signups:confirm_coming", args=[coming_token(signup)])
    _send(signup, "reminder", confirm_url=confirm_url)
