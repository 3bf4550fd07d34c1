"""Background e-mail for public participants. Tasks take ids and load fresh rows (STYLE.md §13)."""

from django.tasks import task

from . import emails_public
from .models import Participant


def _load(participant_id: int) -> Participant | None:
    return (
        Participant.objects.select_related("activity__district", "activity__kind")
        .filter(pk=participant_id)
        .first()
    )


@task
def send_registration_confirmation(participant_id: int) -> None:
    if participant := _load(participant_id):
        emails_public.send_registration_confirmation(participant)


@task
def send_participant_promoted(participant_id: int) -> None:
    if participant := _load(participant_id):
        emails_public.send_participant_promoted(participant)


@task
def send_registration_cancelled(participant_id: int) -> None:
    if participant := _load(participant_id):
        emails_public.send_registration_cancelled(participant)


@task
def send_registration_cancelled_by_staff(participant_id: int) -> None:
    # Still true when the e-mail leaves? Only a registration that stayed cancelled is announced.
    participant = _load(participant_id)
    if participant and participant.status == Participant.Status.CANCELLED:
        emails_public.send_registration_cancelled_by_staff(participant)
