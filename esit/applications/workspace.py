"""What applications adds to the staff workspace: its menu entry and the front page's panel
of applications waiting (esit/core/menus.py, esit/core/panels.py)."""

from django.utils.translation import gettext_lazy as _

from esit.audit import actions
from esit.core import menus, panels

from . import selectors
from .selectors import REVIEW


def _waiting(request):
    counts = selectors.status_counts(user=request.user)
    return {
        "oldest": selectors.oldest_waiting(user=request.user),
        "counts": counts,
        "total": sum(row.count for row in counts),
    }


def register() -> None:
    for key, label in [
        ("applications.submitted", _("Başvuru gönderildi")),
        ("applications.viewed", _("Başvuru sayfası açıldı")),
        ("applications.approved", _("Başvuru onaylandı")),
        ("applications.waitlisted", _("Başvuru bekleme listesine alındı")),
        ("applications.rejected", _("Başvuru olumsuz sonuçlandı")),
        ("applications.withdrawn", _("Başvuru geri çekildi")),
        ("applications.corrected", _("Başvuru sahibi düzeltti")),
        ("applications.note_added", _("Başvuruya not eklendi")),
        ("applications.exported", _("Başvuru listesi dışa aktarıldı")),
    ]:
        actions.register(key, label)
    menus.register(
        menus.MenuItem(
            key="applications.review",
            label=_("Başvurular"),
            url_name="review:list",
            permission=REVIEW,
            order=20,
            current_for=("review",),
        )
    )
    panels.register(
        "staff",
        panels.Panel(
            key="applications.waiting",
            template="applications/review/panels/waiting.html",
            context=_waiting,
            order=20,
            permission=REVIEW,
        ),
    )
