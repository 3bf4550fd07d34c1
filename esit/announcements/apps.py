from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    """Announcements, their delivery, the feeds and the social-media kit."""

    name = "esit.announcements"
    label = "announcements"
    verbose_name = _("Duyurular")

    def ready(self):
        from esit.accounts import capabilities

        from . import mail, personal_data, workspace

        personal_data.register()
        workspace.register()
        mail.register()
        capabilities.register(
            "announcements.publish_announcements",
            _("Duyuru yazmak ve kapsamı içinde yayımlamak"),
            roles=("coordinator", "administrator"),
        )
