from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Impact reports: the staff dashboard at /staff/reports/ (docs/reports.md)."""

    name = "esit.reports"
    label = "reports"
    verbose_name = _("Raporlar")

    def ready(self):
        from . import personal_data, workspace

        personal_data.register()
        workspace.register()
