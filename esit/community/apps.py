from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """The solidarity network's ideas and proposals: /ideas/ (docs/community.md)."""

    name = "esit.community"
    label = "community"
    verbose_name = _("Dayanışma ağı")

    def ready(self):
        from django.contrib.auth import get_user_model

        from esit.accounts import capabilities
        from esit.core.versions import bump_on_change
        from esit.moderation import registry
        from esit.volunteers.models import Volunteer

        from . import mail, personal_data, versions, workspace
        from .models import Comment, Idea, Member, Support
        from .selectors import MANAGE, may_read_comment, may_read_idea

        bump_on_change(versions.content_changed, Idea, Support, Comment, Member)
        bump_on_change(versions.content_changed, Volunteer, get_user_model(), fields=versions.NAMES)

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
            # The report page shows what the ideas pages show her, to those they show it to.
            visible_to=lambda idea, user: may_read_idea(idea=idea, user=user),
        )
        registry.register(
            Comment,
            kind="comment",
            label=_("yorum"),
            author=lambda comment: comment.author,
            url=lambda comment: comment.get_absolute_url(),
            title=lambda comment: comment.body[:80],
            # Not under a hidden idea or a hidden comment, and only to people of the network.
            visible_to=lambda comment, user: may_read_comment(comment=comment, user=user),
            select_related=("idea", "parent"),
        )
