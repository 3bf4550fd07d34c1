from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamConfig(AppConfig):
    """The municipality's staff: accounts, roles, capabilities and scopes (/staff/team/)."""

    name = "esit.team"
    label = "team"
    verbose_name = _("Personel ekibi")

    def ready(self):
        from . import workspace

        workspace.register()
