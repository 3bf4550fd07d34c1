from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "esit.volunteers"
    label = "volunteers"
    verbose_name = _("Gönüllüler")

    def ready(self):
        from esit.accounts import capabilities

        from . import mail, personal_data, workspace

        personal_data.register()
        workspace.register()
        mail.register()
        capabilities.register(
            "volunteers.manage_volunteers",
            _("Gönüllüleri yönetmek"),
            roles=("coordinator", "administrator"),
        )
