"""The applicant's e-mails as notification kinds (`applications.*`, esit/notifications/kinds.py).

Each message is rendered when it leaves, in the language of the application (or, for
someone already in the programme, of her account), from the application read afresh:
a kind says nothing that stopped being true meanwhile (a decision taken back by a newer
one, an address corrected again), and then the delivery is suppressed, not sent.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from esit.accounts.invitations import invitation_url
from esit.notifications import kinds

from .models import Application
from .selectors import in_programme


def load(application_id: str) -> Application | None:
    return Application.objects.select_related("user__volunteer").filter(pk=application_id).first()


def status_url(application: Application) -> str:
    return settings.SITE_URL + reverse("applications:status", args=[application.status_token])


def _account_links() -> dict:
    """Where someone who already has an account signs in, corrects her profile, or asks
    for a new password: never a link that signs in by itself."""
    return {
        "login_url": settings.SITE_URL + reverse("account_login"),
        "profile_url": settings.SITE_URL + reverse("volunteers:profile"),
        "password_reset_url": settings.SITE_URL + reverse("account_reset_password"),
    }


def _context(application: Application) -> dict:
    return {"application": application, "status_url": status_url(application)}


def always(application: Application, delivery) -> dict:
    """A message true whatever happened since (we received the application)."""
    return _context(application)


def while_(*statuses):
    def context(application: Application, delivery) -> dict | None:
        return _context(application) if application.status in statuses else None

    return context


def email_corrected(application: Application, delivery) -> dict | None:
    """To the corrected address, while it is still the application's address."""
    return _context(application) if application.email == delivery.address else None


def approved(application: Application, delivery) -> dict | None:
    """The invitation to set a password: the link is made when the message leaves."""
    if application.status != Application.Status.APPROVED or application.user is None:
        return None
    return {**_context(application), "invitation_url": invitation_url(application.user)}


def welcome_back(application: Application, delivery) -> dict | None:
    if application.status != Application.Status.APPROVED or application.user is None:
        return None
    return {"application": application, **_account_links()}


def load_account(user_id: str):
    return get_user_model().objects.select_related("volunteer").filter(pk=user_id).first()


def already_in_programme(user, delivery) -> dict | None:
    """Someone typed this account's e-mail or phone into /apply/; only while the account is
    still in the programme, which is what the e-mail says."""
    if not in_programme(user):
        return None
    volunteer = getattr(user, "volunteer", None)
    return {
        "name": volunteer.first_name if volunteer else user.first_name,
        "is_volunteer": volunteer is not None and volunteer.is_active,
        **_account_links(),
    }


def _kind(name: str, label, context, *, load=load) -> kinds.Kind:
    return kinds.Kind(
        key=f"applications.{name}",
        label=label,
        template=f"applications/email/{name}",
        context=context,
        load=load,
    )


_OPEN = Application.OPEN_STATUSES
KINDS = [
    _kind("confirmation", _("Başvuru alındı"), always),
    _kind("status_link", _("Açık başvurunun bağlantısı"), while_(*_OPEN)),
    _kind(
        "already_in_programme",
        _("Hesabı olan birinin bilgileriyle başvuru denendi"),
        already_in_programme,
        load=load_account,
    ),
    _kind("withdrawn", _("Başvuru geri çekildi"), while_(Application.Status.WITHDRAWN)),
    _kind("email_corrected", _("Başvurudaki e-posta adresi düzeltildi"), email_corrected),
    _kind("approved", _("Başvuru onaylandı: parola belirleme daveti"), approved),
    _kind("welcome_back", _("Başvuru onaylandı: yeniden hoş geldiniz"), welcome_back),
    _kind(
        "waitlisted", _("Başvuru bekleme listesine alındı"), while_(Application.Status.WAITLISTED)
    ),
    _kind("rejected", _("Başvuru olumsuz sonuçlandı"), while_(Application.Status.REJECTED)),
]


def register() -> None:
    for kind in KINDS:
        kinds.register(kind)
