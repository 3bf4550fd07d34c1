"""What moderation adds to the platform: its capability, menu entry and audit actions."""

from django.utils.translation import gettext_lazy as _

from esit.accounts import capabilities
from esit.accounts.models import Role
from esit.audit import actions
from esit.core import menus

from .services import MODERATE


def register() -> None:
    capabilities.register(
        MODERATE,
        _("Ağdaki içerikleri denetleme (gizleme, uyarma, askıya alma)"),
        roles=(Role.COORDINATOR, Role.ADMINISTRATOR),
    )
    menus.register(
        menus.MenuItem(
            key="moderation.queue",
            label=_("Moderasyon"),
            url_name="moderation:queue",
            permission=MODERATE,
            order=70,
            current_for=("moderation",),
        )
    )
    for key, label in [
        ("moderation.auto_hidden", _("İçerik, bildirimler nedeniyle kendiliğinden gizlendi")),
        ("moderation.hidden", _("İçerik moderatör tarafından gizlendi")),
        ("moderation.restored", _("Gizlenen içerik yeniden görünür oldu")),
        ("moderation.dismissed", _("İçerik bildirimleri yersiz bulundu")),
        ("moderation.warned", _("İçeriğin yazarı uyarıldı")),
        ("moderation.suspended", _("Kişinin paylaşımları askıya alındı")),
        ("moderation.suspension_lifted", _("Paylaşım askısı kaldırıldı")),
    ]:
        actions.register(key, label)
