"""The library's message: `resources.decision`, transactional (about what she herself
proposed), telling the uploader that her resource was published or, with the reason,
rejected. It says only what is still true: a resource published and then archived before the
e-mail leaves is not announced as published."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from .models import Resource
from .services import DECISION_KIND


def _decision(resource: Resource, delivery) -> dict | None:
    status = resource.status
    if status not in (Resource.Status.PUBLISHED, Resource.Status.REJECTED):
        return None
    if delivery.params.get("status") != status:
        return None
    return {
        "resource": resource,
        "published": status == Resource.Status.PUBLISHED,
        "resource_url": settings.SITE_URL + resource.get_absolute_url(),
    }


def register() -> None:
    kinds.register(
        kinds.Kind(
            key=DECISION_KIND,
            label=_("Önerdiğiniz kaynak hakkında karar"),
            template="resources/email/decision",
            context=_decision,
        )
    )
