"""Moderation's messages to the author of reported content, both transactional (about her
own posts and her right to post, so she cannot turn them off): `moderation.warning`, a
moderator's words about one post, and `moderation.suspended`, the end of her posting until a
moment. Each says only what is still true when it leaves: a suspension lifted before the
e-mail goes is not announced.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from .models import PostingSuspension
from .services import SUSPENDED_KIND, WARNING_KIND


def _warning(content, delivery) -> dict | None:
    return {
        "message": delivery.params.get("message", ""),
        "title": delivery.params.get("title", ""),
        "guidelines_url": settings.SITE_URL + reverse("home"),
    }


def _suspended(suspension: PostingSuspension, delivery) -> dict | None:
    if suspension.lifted_at is not None or suspension.until <= timezone.now():
        return None
    return {"suspension": suspension, "person": suspension.person}


def register() -> None:
    kinds.register(
        kinds.Kind(
            key=WARNING_KIND,
            label=_("Moderatör uyarısı"),
            template="moderation/email/warning",
            context=_warning,
        )
    )
    kinds.register(
        kinds.Kind(
            key=SUSPENDED_KIND,
            label=_("Paylaşımların askıya alınması"),
            template="moderation/email/suspended",
            context=_suspended,
            load=lambda pk: (
                PostingSuspension.objects.select_related("person").filter(pk=pk).first()
            ),
        )
    )
