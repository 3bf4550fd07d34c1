from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "esit.volunteers"
    label = "volunteers"
    verbose_name = _("Gönüllüler")

    def ready(self):
        from esit.accounts import capabilities
        from esit.audit import actions

        from . import personal_data

        personal_data.register()
        capabilities.register(
            "volunteers.manage_volunteers",
            _("Gönüllüleri yönetmek"),
            roles=("coordinator", "administrator"),
        )
        actions.register("volunteers.profile_changed", _("Gönüllü profilini değiştirdi"))
