"""What the team app adds: its menu entry, audit actions and the invitation e-mail."""

from django.utils.translation import gettext_lazy as _

from esit.accounts.invitations import invitation_url
from esit.audit import actions
from esit.core import menus
from esit.notifications import kinds

from .services import MANAGE


def _invitation(user, delivery):
    """Still true while the account is active and has no password yet."""
    if not user.is_active or user.has_usable_password():
        return None
    return {"member": user, "invitation_url": invitation_url(user)}


def register() -> None:
    menus.register(
        menus.MenuItem(
            key="team.members",
            label=_("Ekip"),
            url_name="team:list",
            permission=MANAGE,
            order=80,
            current_for=("team",),
        )
    )
    for key, label in [
        ("team.staff_invited", _("Personel davet edildi")),
        ("team.staff_created", _("Personel hesabı sunucuda açıldı")),
        ("team.role_changed", _("Personelin rolü değişti")),
        ("team.scope_changed", _("Personelin kapsamı değişti")),
        ("team.capabilities_changed", _("Personelin yetkileri değişti")),
        ("team.deactivated", _("Personelin erişimi kapatıldı")),
        ("team.reactivated", _("Personelin erişimi geri verildi")),
    ]:
        actions.register(key, label)
    kinds.register(
        kinds.Kind(
            key="team.invitation",
            label=_("Personel daveti"),
            template="team/email/invitation",
            context=_invitation,
        )
    )
