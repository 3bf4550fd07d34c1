from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    name = "esit.reference"
    label = "reference"
    verbose_name = _("Referans verileri")

    def ready(self):
        from . import personal_data, versions

        personal_data.register()
        versions.connect()
