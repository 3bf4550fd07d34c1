"""What the library adds to the platform: its capability, menu entry, audit actions, and
its resources as reportable content for moderation."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esit.accounts import capabilities
from esit.accounts.models import Role
from esit.audit import actions
from esit.core import menus
from esit.moderation import registry

from . import selectors
from .models import Resource
from .services import MANAGE


def register() -> None:
    capabilities.register(
        MANAGE,
        _("Kaynak kitaplığını yönetme (önerileri inceleme, yayımlama, arşivleme)"),
        roles=(Role.COORDINATOR, Role.ADMINISTRATOR),
    )
    menus.register(
        menus.MenuItem(
            key="resources.review",
            label=_("Kaynaklar"),
            url_name="resources:review",
            permission=MANAGE,
            order=65,
            current_for=("resources:review", "resources:edit"),
        )
    )
    for key, label in [
        ("resources.added", _("Kaynak eklendi")),
        ("resources.edited", _("Kaynak düzenlendi")),
        ("resources.published", _("Kaynak yayımlandı")),
        ("resources.rejected", _("Kaynak reddedildi")),
        ("resources.archived", _("Kaynak arşivlendi")),
    ]:
        actions.register(key, label)
    registry.register(
        Resource,
        kind="resource",
        label=pgettext_lazy("içerik türü", "kaynak"),
        author=lambda resource: resource.uploaded_by,
        url=lambda resource: resource.get_absolute_url(),
        title=lambda resource: resource.title,
        visible_to=selectors.may_see,
        select_related=("uploaded_by",),
    )
