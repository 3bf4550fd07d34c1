from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    """Ranking volunteers for shifts and tasks, invitations, "recommended for you"."""

    name = "esit.matching"
    label = "matching"
    verbose_name = _("Eşleştirme")

    def ready(self):
        from . import mail, personal_data, workspace

        mail.register()
        personal_data.register()
        workspace.register()
