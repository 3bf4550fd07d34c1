"""The notification kinds of announcements: the announcement itself and the weekly digest.

Both are optional (a volunteer turns them off on /me/notifications/ or with the one-click
link each carries). An announcement is sent only while it is published: archived before
the e-mail left, it is suppressed as no longer true.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from .models import Announcement
from .selectors import DIGEST_KIND, KIND


def load(announcement_id: str) -> Announcement | None:
    return Announcement.objects.select_related("activity").filter(pk=announcement_id).first()


def announcement_context(announcement: Announcement, delivery) -> dict | None:
    if announcement.status != Announcement.Status.PUBLISHED:
        return None
    # The templates read the texts: they are rendered in the recipient's language.
    url = settings.SITE_URL + reverse("announcements:mine", args=[announcement.pk])
    return {
        "announcement": announcement,
        "url": url,
    }


def register() -> None:
    kinds.register(
        kinds.Kind(
            key=KIND,
            label=_("Duyurular"),
            template="announcements/email/announcement",
            context=announcement_context,
            optional=True,
            load=load,
            description=_("Programın size yönelik duyuruları."),
        )
    )
    from . import digest

    kinds.register(
        kinds.Kind(
            key=DIGEST_KIND,
            label=_("Haftalık özet"),
            template="announcements/email/digest",
            context=digest.digest_context,
            optional=True,
            load=digest.load,
            description=_(
                "Haftada bir: alanlarınıza ve ilçenize uyan yeni etkinlikler ve size yönelik "
                "duyurular. Yeni bir şey yoksa e-posta gelmez."
            ),
        )
    )
