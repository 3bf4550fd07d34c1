"""E-mails of planning: `planning.participant_activity_cancelled`, to the members of the
public registered for an activity staff cancelled, with the coordinator's note (a value the
rows cannot give back later, so it travels in the delivery's `params`).

Volunteers of the same activity are told by the sign-ups and work parts' own kinds
(`signups.activity_cancelled`, `work.activity_cancelled`).
"""

from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from ..models import Activity, Participant
from .participants import load


def participant_activity_cancelled(participant: Participant, delivery) -> dict | None:
    """Still so: the activity cancelled and the registration with it."""
    if (
        participant.status != Participant.Status.CANCELLED
        or participant.activity.status != Activity.Status.CANCELLED
    ):
        return None
    return {"participant": participant, "activity": participant.activity}


KINDS = [
    kinds.Kind(
        key="planning.participant_activity_cancelled",
        label=_("Katılımcının kaydolduğu etkinlik iptal edildi"),
        template="activities/planning/email/participant_activity_cancelled",
        context=participant_activity_cancelled,
        load=load,
    ),
]


def register() -> None:
    for kind in KINDS:
        kinds.register(kind)
