from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "esit.audit"
    label = "audit"
    verbose_name = _("Denetim kaydı")

    def ready(self):
        from esit.accounts import capabilities
        from esit.core import menus

        from . import personal_data

        personal_data.register()
        capabilities.register(
            "audit.read_audit_log", _("Denetim kaydını okumak"), roles=("administrator",)
        )
        menus.register(
            menus.MenuItem(
                key="audit.trail",
                label=_("Denetim kaydı"),
                url_name="audit:trail",
                permission="audit.read_audit_log",
                order=90,
                current_for=("audit",),
            )
        )
