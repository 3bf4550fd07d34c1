"""What the reports app adds to the platform: its capability and its menu entry."""

from django.utils.translation import gettext_lazy as _

from esit.accounts import capabilities
from esit.core import menus

VIEW_REPORTS = "reports.view_reports"


def register() -> None:
    capabilities.register(
        VIEW_REPORTS, _("Raporları görmek"), roles=("coordinator", "administrator")
    )
    menus.register(
        menus.MenuItem(
            key="reports.dashboard",
            label=_("Raporlar"),
            url_name="reports:dashboard",
            permission=VIEW_REPORTS,
            order=85,
            current_for=("reports",),
        )
    )
