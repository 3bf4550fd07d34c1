from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "esit.applications"
    label = "applications"
    verbose_name = _("Başvurular")

    def ready(self):
        from . import mail

        mail.register()
