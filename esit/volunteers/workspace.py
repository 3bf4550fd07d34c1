"""What volunteers adds to the staff workspace: the directory's menu entry and the audit
actions of managing volunteers (esit/core/menus.py, esit/audit/actions.py)."""

from django.utils.translation import gettext_lazy as _

from esit.audit import actions
from esit.core import menus

from .selectors import MANAGE


def register() -> None:
    for key, label in [
        ("volunteers.profile_changed", _("Gönüllü profilini değiştirdi")),
        ("volunteers.viewed", _("Gönüllü sayfası açıldı")),
        ("volunteers.paused", _("Gönüllü duraklatıldı")),
        ("volunteers.reactivated", _("Gönüllü yeniden etkinleştirildi")),
        ("volunteers.ended", _("Gönüllülük sonlandırıldı")),
        ("volunteers.messaged", _("Gönüllülere mesaj gönderildi")),
        ("volunteers.exported", _("Gönüllü listesi dışa aktarıldı")),
    ]:
        actions.register(key, label)
    menus.register(
        menus.MenuItem(
            key="volunteers.directory",
            label=_("Gönüllüler"),
            url_name="staff_volunteers:list",
            permission=MANAGE,
            order=25,
            current_for=("staff_volunteers",),
        )
    )
