"""What the safety channel adds: its capability, audit actions, messages, menu and panel."""

from django.utils.translation import gettext_lazy as _

from esit.accounts import capabilities
from esit.audit import actions
from esit.core import menus, panels

from . import mail, personal_data
from .services import HANDLE


def register() -> None:
    # No role holds it by default, administrators neither: an administrator gives it to the
    # named people who handle concerns, on /staff/team/ (extra capabilities).
    capabilities.register(HANDLE, _("Güvenlik ve taciz bildirimleriyle ilgilenmek"), roles=())
    for key, label in [
        ("safety.concern_raised", _("Güvenlik bildirimi yapıldı")),
        ("safety.concern_read", _("Güvenlik bildirimi okundu")),
        ("safety.concern_acknowledged", _("Güvenlik bildirimi görüldü olarak işaretlendi")),
        ("safety.note_added", _("Güvenlik bildirimine iç not eklendi")),
        ("safety.reply_sent", _("Güvenlik bildirimine yanıt verildi")),
        ("safety.concern_closed", _("Güvenlik bildirimi kapatıldı")),
        ("safety.consent_withdrawn", _("Güvenlik bildirimine verilen açık rıza geri alındı")),
    ]:
        # Only handlers see these events on /staff/audit/ and on a volunteer's page: for any
        # other reader of the trail, they would tell who raised a concern.
        actions.register(key, label, permission=HANDLE)
    mail.register()
    personal_data.register()
    menus.register(
        menus.MenuItem(
            key="safety.concerns",
            label=_("Güvenlik bildirimleri"),
            url_name="safety:staff_list",
            permission=HANDLE,
            order=95,
            current_for=("safety:staff_list", "safety:staff_detail"),
        )
    )
    panels.register(
        "me",
        panels.Panel(
            key="safety.raise",
            template="safety/me_panel.html",
            context=lambda request, **page: {},
            order=890,  # before "my data", after the volunteer's work
        ),
    )
