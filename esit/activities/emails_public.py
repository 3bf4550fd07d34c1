"""E-mails to members of the public registered for an activity, in their own language."""

from django.conf import settings
from django.urls import reverse

from esit.core.mail import send_templated_mail

from .models import Participant


def cancel_url(participant: Participant) -> str:
    return settings.SITE_URL + reverse(
        "activities:cancel_registration", args=[participant.cancel_token]
    )


def activity_url(participant: Participant) -> str:
    return settings.SITE_URL + reverse("activities:detail", args=[participant.activity_id])


def _send(participant: Participant, template: str) -> None:
    send_templated_mail(
        template_prefix=f"activities/email/public/{template}",
        to=participant.email,
        language=participant.language,
        context={
            "participant": participant,
            "activity": participant.activity,
            "cancel_url": cancel_url(participant),
            "activity_url": activity_url(participant),
        },
    )


def send_registration_confirmation(participant: Participant) -> None:
    """Confirmed or waitlisted: the e-mail says which, and how to cancel."""
    _send(participant, "registered")


def send_participant_promoted(participant: Participant) -> None:
    _send(participant, "promoted")


def send_registration_cancelled(participant: Participant) -> None:
    _send(participant, "cancelled")


def send_registration_cancelled_by_staff(participant: Participant) -> None:
    _send(participant, "cancelled_by_staff")
