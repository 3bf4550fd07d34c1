from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "esit.activities"
    label = "activities"
    verbose_name = _("Etkinlikler")

    def ready(self):
        from esit.accounts import capabilities
        from esit.volunteers.signals import volunteer_left

        from . import mail, personal_data, receivers, volunteer_sections, workspace
        from .services import trail

        personal_data.register()
        workspace.register()
        volunteer_sections.register()
        trail.register()
        mail.register()
        volunteer_left.connect(
            receivers.release_shifts_of_volunteer_who_left,
            dispatch_uid="esit.activities.release_shifts_of_volunteer_who_left",
        )
        volunteer_left.connect(
            receivers.release_tasks_of_volunteer_who_left,
            dispatch_uid="esit.activities.release_tasks_of_volunteer_who_left",
        )
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
