from django.conf import settings
from django.urls import reverse

from esit.core.mail import send_templated_mail

from .models import Application


def status_url(application: Application) -> str:
    return settings.SITE_URL + reverse("applications:status", args=[application.status_token])


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
