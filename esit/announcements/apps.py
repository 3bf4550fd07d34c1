from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    """Announcements, their delivery, the feeds and the social-media kit."""

    name = "esit.announcements"
    label = "announcements"
    verbose_name = _("Duyurular")

    def ready(self):
        from esit.accounts import capabilities
        from esit.core.versions import bump_on_change

        from . import mail, personal_data, versions, workspace
        from .models import Announcement

        personal_data.register()
        workspace.register()
        mail.register()
        bump_on_change(versions.announcement_changed, Announcement)
        capabilities.register(
            "announcements.publish_announcements",
            _("Duyuru yazmak ve kapsamı içinde yayımlamak"),
            roles=("coordinator", "administrator"),
        )
