from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "esit.activities"
    label = "activities"
    verbose_name = _("Etkinlikler")

    def ready(self):
        from . import mail

        mail.register()
