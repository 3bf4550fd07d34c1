from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "esit.audit"
    label = "audit"
    verbose_name = _("Denetim kaydı")

    def ready(self):
        from esit.accounts import capabilities

        from . import personal_data

        personal_data.register()
        capabilities.register(
            "audit.read_audit_log", _("Denetim kaydını okumak"), roles=("administrator",)
        )
