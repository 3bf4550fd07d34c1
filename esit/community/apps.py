from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """The solidarity network's ideas and proposals: /ideas/ (docs/community.md)."""

    name = "esit.community"
    label = "community"
    verbose_name = _("Dayanışma ağı")

    def ready(self):
        from esit.accounts import capabilities
        from esit.moderation import registry

        from . import mail, personal_data, workspace
        from .models import Comment, Idea
        from .selectors import MANAGE

        personal_data.register()
        workspace.register()
        mail.register()
        capabilities.register(
            MANAGE,
            _("Fikirlerin durumunu değiştirmek ve fikirden etkinlik oluşturmak"),
            roles=("coordinator", "administrator"),
        )
        registry.register(
            Idea,
            kind="idea",
            label=_("fikir"),
            author=lambda idea: idea.author,
            url=lambda idea: idea.get_absolute_url(),
            title=lambda idea: idea.title,
        )
        registry.register(
            Comment,
            kind="comment",
            label=_("yorum"),
            author=lambda comment: comment.author,
            url=lambda comment: comment.get_absolute_url(),
            title=lambda comment: comment.body[:80],
        )
