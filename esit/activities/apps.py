from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "esit.activities"
    label = "activities"
    verbose_name = _("Etkinlikler")

    def ready(self):
        from esit.accounts import capabilities

        from . import personal_data, workspace

        personal_data.register()
        workspace.register()
        capabilities.register(
            "activities.run_activities",
            _("Etkinlikleri, vardiyaları ve görevleri yürütmek"),
            roles=("coordinator", "administrator"),
        )
        capabilities.register(
            "activities.approve_hours",
            _("Gönüllülük saatlerini onaylamak"),
            roles=("coordinator", "administrator"),
        )
