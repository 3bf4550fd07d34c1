"""Background e-mail for planning. Tasks take ids and load fresh rows (STYLE.md §13)."""

from django.conf import settings
from django.tasks import task

from esit.core.mail import send_templated_mail

from .models import Participant


@task
def send_participant_activity_cancelled(participant_id: int, message: str = "") -> None:
    """Tell a member of the public that the activity they registered for is cancelled."""
    participant = Participant.objects.select_related("activity").filter(pk=participant_id).first()
    if participant is None:
        return
    send_templated_mail(
        template_prefix="activities/planning/email/participant_activity_cancelled",
        to=participant.email,
        language=participant.language or settings.LANGUAGE_CODE,
        context={
            "participant": participant,
            "activity": participant.activity,
            "message": message,
        },
    )
