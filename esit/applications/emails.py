from django.conf import settings
from django.urls import reverse

from esit.core.mail import send_templated_mail

from .models import Application


def status_url(application: Application) -> str:
    return settings.SITE_URL + reverse("applications:status", args=[application.status_token])


def _account_links() -> dict:
    """Where someone who already has an account signs in, corrects her profile, or asks
    for a new password: never a link that signs in by itself."""
    return {
        "login_url": settings.SITE_URL + reverse("account_login"),
        "profile_url": settings.SITE_URL + reverse("volunteers:profile"),
        "password_reset_url": settings.SITE_URL + reverse("account_reset_password"),
    }


def _send(application: Application, template: str, **extra) -> None:
    send_templated_mail(
        template_prefix=f"applications/email/{template}",
        to=application.email,
        language=application.language,
        context={"application": application, "status_url": status_url(application), **extra},
    )


def send_confirmation(application: Application) -> None:
    _send(application, "confirmation")


def send_status_link_reminder(application: Application) -> None:
    _send(application, "status_link")


def send_withdrawal_confirmation(application: Application) -> None:
    _send(application, "withdrawn")


def send_approval(application: Application) -> None:
    from esit.volunteers.services import invitation_url

    _send(application, "approved", invitation_url=invitation_url(application.user))


def send_waitlisted(application: Application) -> None:
    _send(application, "waitlisted")


def send_rejection(application: Application) -> None:
    _send(application, "rejected")


def send_welcome_back(application: Application) -> None:
    """To the address of the account she rejoined with (the one on file)."""
    user = application.user
    send_templated_mail(
        template_prefix="applications/email/welcome_back",
        to=user.email,
        language=application.language,
        context={"application": application, **_account_links()},
    )


def send_member_reminder(user) -> None:
    """Someone typed this account's e-mail or phone into /apply/; to the account's address."""
    volunteer = getattr(user, "volunteer", None)
    send_templated_mail(
        template_prefix="applications/email/already_in_programme",
        to=user.email,
        language=user.preferred_language,
        context={
            "name": volunteer.first_name if volunteer else user.first_name,
            "is_volunteer": volunteer is not None and volunteer.is_active,
            **_account_links(),
        },
    )


def send_email_corrected(application: Application) -> None:
    """To the corrected address: it proves the new address works and carries the link."""
    _send(application, "email_corrected")
