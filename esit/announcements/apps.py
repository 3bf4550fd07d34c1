from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    """Announcements, their delivery, the feeds and the social-media kit."""

    name = "esit.announcements"
    label = "announcements"
    verbose_name = _("Duyurular")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from esit.accounts import capabilities

        from . import mail, personal_data, versions, workspace
        from .models import Announcement

        personal_data.register()
        workspace.register()
        mail.register()
        for signal in (post_save, post_delete):
            signal.connect(
                versions.announcement_changed,
                sender=Announcement,
                dispatch_uid=f"esit.announcements.version.{signal is post_save}",
            )
        capabilities.register(
            "announcements.publish_announcements",
            _("Duyuru yazmak ve kapsamı içinde yayımlamak"),
            roles=("coordinator", "administrator"),
        )
