"""What staff managing volunteers tell them, as notification kinds (`volunteers.*`,
esit/notifications/kinds.py).

Pausing, reactivating and ending are about the volunteer's own place in the programme, so
they always go (transactional) and say nothing once the status changed again. A staff
message (`volunteers.staff_message`) is optional: a coordinator writing to one volunteer
or to a filtered selection is the programme's news, which a volunteer may turn off on
/me/notifications/ (and which stops by itself when she leaves, as every optional kind
does); its subject and text travel in the delivery's `params`, the row cannot give them.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from .models import Volunteer


def load(volunteer_id: str) -> Volunteer | None:
    return Volunteer.objects.select_related("user").filter(pk=volunteer_id).first()


def _links() -> dict:
    return {"me_url": settings.SITE_URL + reverse("volunteers:dashboard")}


def while_status(status: str):
    def context(volunteer: Volunteer, delivery) -> dict | None:
        if volunteer.status != status:
            return None
        return {"volunteer": volunteer, **_links()}

    return context


def staff_message(volunteer: Volunteer, delivery) -> dict | None:
    if not volunteer.in_programme:
        return None
    return {
        "volunteer": volunteer,
        "subject": delivery.params.get("subject", ""),
        "body": delivery.params.get("body", ""),
        **_links(),
    }


def _kind(name: str, label, context, **options) -> kinds.Kind:
    return kinds.Kind(
        key=f"volunteers.{name}",
        label=label,
        template=f"volunteers/email/{name}",
        context=context,
        load=load,
        **options,
    )


KINDS = [
    _kind("paused", _("Gönüllülük duraklatıldı"), while_status(Volunteer.Status.PAUSED)),
    _kind("reactivated", _("Gönüllülük yeniden etkin"), while_status(Volunteer.Status.ACTIVE)),
    _kind("ended", _("Gönüllülük sonlandırıldı"), while_status(Volunteer.Status.WITHDRAWN)),
    _kind(
        "staff_message",
        _("Koordinatörlerden mesajlar"),
        staff_message,
        optional=True,
        description=_("Koordinatörlerin size ya da bir gönüllü grubuna yazdığı mesajlar."),
    ),
]


def register() -> None:
    for kind in KINDS:
        kinds.register(kind)
