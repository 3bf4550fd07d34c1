"""What the network's ideas add: the staff menu entry, the /me/ panel and audit actions."""

from django.utils.translation import gettext_lazy as _

from esit.audit import actions
from esit.core import menus, panels

from . import selectors
from .selectors import MANAGE


def _mine(request, *, volunteer):
    return {"ideas": selectors.own_ideas(user=request.user)}


def register() -> None:
    for key, label in [
        ("community.status_changed", _("Fikrin durumu değişti")),
        ("community.activity_created", _("Fikirden etkinlik oluşturuldu")),
    ]:
        actions.register(key, label)
    menus.register(
        menus.MenuItem(
            key="community.ideas",
            label=_("Fikirler"),
            url_name="community:staff_list",
            permission=MANAGE,
            order=45,
            current_for=("community:staff_list", "community:status", "community:activity"),
        )
    )
    panels.register(
        "me",
        panels.Panel(
            key="community.mine",
            template="community/panels/mine.html",
            context=_mine,
            order=30,
        ),
    )
