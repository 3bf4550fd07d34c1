from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "esit.volunteers"
    label = "volunteers"
    verbose_name = _("Gönüllüler")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from esit.accounts import capabilities
        from esit.core.versions import bump_on_change

        from . import mail, personal_data, versions, workspace
        from .models import Volunteer, VolunteerLanguage

        bump_on_change(versions.directory_changed, Volunteer, VolunteerLanguage)
        bump_on_change(
            versions.directory_changed, get_user_model(), fields=versions.ACCOUNT_IN_DIRECTORY
        )
        m2m_changed.connect(
            versions.directory_changed,
            sender=Volunteer.areas.through,
            dispatch_uid="esit.version.volunteers.Volunteer.areas",
        )
        personal_data.register()
        workspace.register()
        mail.register()
        capabilities.register(
            "volunteers.manage_volunteers",
            _("Gönüllüleri yönetmek"),
            roles=("coordinator", "administrator"),
        )
