"""What announcements adds: its menu entry, the /me/ panel, audit actions and the Open
Graph description of activity pages (esit/core/menus.py, panels.py, open_graph.py)."""

from django.utils.translation import gettext_lazy as _

from esit.audit import actions
from esit.core import menus, open_graph, panels

from . import selectors, social
from .selectors import PUBLISH


def _mine(request, *, volunteer):
    announcements = selectors.for_volunteer(volunteer)
    if not announcements:
        return None
    return {"announcements": announcements}


def register() -> None:
    for key, label in [
        ("announcements.created", _("Duyuru yazıldı")),
        ("announcements.changed", _("Duyuru değiştirildi")),
        ("announcements.scheduled", _("Duyuru zamanlandı")),
        ("announcements.unscheduled", _("Duyurunun zamanlaması kaldırıldı")),
        ("announcements.published", _("Duyuru yayımlandı")),
        ("announcements.archived", _("Duyuru arşivlendi")),
        (
            "announcements.delivery_retried",
            _("Duyurunun gönderilemeyen e-postaları yeniden denendi"),
        ),
    ]:
        actions.register(key, label)
    menus.register(
        menus.MenuItem(
            key="announcements.list",
            label=_("Duyurular"),
            url_name="announcements:staff_list",
            permission=PUBLISH,
            order=40,
            current_for=("announcements",),
        )
    )
    panels.register(
        "me",
        panels.Panel(
            key="announcements.mine",
            template="announcements/panels/mine.html",
            context=_mine,
            order=5,
        ),
    )
    open_graph.register(social.open_graph_of)
