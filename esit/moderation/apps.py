from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Reports of abusive content, hiding it, suspending posting (docs/moderation.md)."""

    name = "esit.moderation"
    label = "moderation"
    verbose_name = _("Moderasyon")

    def ready(self):
        from . import mail, personal_data, workspace

        mail.register()
        personal_data.register()
        workspace.register()
