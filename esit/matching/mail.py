"""The invitation e-mail: `matching.invitation`, optional (a volunteer may turn it off on
/me/notifications/, and matching then leaves her out), in the volunteer's language.

It says only what is still true when it leaves: the invitation still unanswered and not
expired, the work still open. Its links are absolute (SITE_URL) and work without signing
in; each opens a page with one button, so a mail scanner that follows links answers nothing.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.activities.models import Activity
from esit.notifications import kinds

from .models import Invitation
from .selectors import INVITATION_KIND


def load(invitation_id: str) -> Invitation | None:
    return (
        Invitation.objects.select_related(
            "shift__activity__district", "task__activity__district", "volunteer__user"
        )
        .filter(pk=invitation_id)
        .first()
    )


def links(invitation: Invitation) -> dict[str, str]:
    return {
        "accept_url": settings.SITE_URL
        + reverse("matching:accept", kwargs={"token": invitation.token}),
        "decline_url": settings.SITE_URL
        + reverse("matching:decline", kwargs={"token": invitation.token}),
    }


def invitation_context(invitation: Invitation, delivery) -> dict | None:
    if invitation.status != Invitation.Status.SENT or invitation.expires_at <= timezone.now():
        return None
    if invitation.activity.status != Activity.Status.PUBLISHED:
        return None
    return {
        "invitation": invitation,
        "volunteer": invitation.volunteer,
        "shift": invitation.shift,
        "task": invitation.task,
        "activity": invitation.activity,
        **links(invitation),
    }


def register() -> None:
    kinds.register(
        kinds.Kind(
            key=INVITATION_KIND,
            label=_("Vardiya ve görev davetleri"),
            template="matching/email/invitation",
            context=invitation_context,
            optional=True,
            load=load,
            description=_(
                "Koordinatörler size uygun bir vardiya ya da görev bulduğunda davet gönderir."
            ),
        )
    )
