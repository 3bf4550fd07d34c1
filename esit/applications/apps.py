from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "esit.applications"
    label = "applications"
    verbose_name = _("Başvurular")

    def ready(self):
        from esit.accounts import capabilities

        from . import mail, personal_data, volunteer_sections, workspace

        personal_data.register()
        workspace.register()
        volunteer_sections.register()
        mail.register()
        capabilities.register(
            "applications.review_applications",
            _("Başvuruları incelemek ve karar vermek"),
            roles=("coordinator", "administrator"),
        )
