"""The status e-mail: `community.idea_status`, optional (a person may turn it off on
/me/notifications/), to an idea's author and supporters when staff change its status.

It is about one `StatusChange` and says only what is still true when it leaves: the idea
still has the status that change gave it, and it is not hidden. Its link is absolute
(SITE_URL) and opens the idea's page (after signing in).
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from .models import StatusChange
from .services import STATUS_KIND


def load(change_id: str) -> StatusChange | None:
    return StatusChange.objects.select_related("idea").filter(pk=change_id).first()


def status_context(change: StatusChange, delivery) -> dict | None:
    idea = change.idea
    if idea.status != change.to_status or idea.is_hidden:
        return None
    return {
        "change": change,
        "idea": idea,
        "idea_url": settings.SITE_URL + idea.get_absolute_url(),
    }


def register() -> None:
    kinds.register(
        kinds.Kind(
            key=STATUS_KIND,
            label=_("Fikirlerin durumu"),
            template="community/email/idea_status",
            context=status_context,
            optional=True,
            load=load,
            description=_(
                "Yazdığınız ya da desteklediğiniz bir fikrin durumu değiştiğinde haber veririz."
            ),
        )
    )
