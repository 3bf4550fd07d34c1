from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "esit.applications"
    label = "applications"
    verbose_name = _("Başvurular")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from esit.accounts import capabilities
        from esit.core.versions import bump_on_change
        from esit.volunteers.models import Volunteer

        from . import mail, personal_data, versions, volunteer_sections, workspace
        from .models import Application, ApplicationLanguage

        bump_on_change(versions.queue_changed, Application, ApplicationLanguage)
        bump_on_change(versions.queue_changed, Volunteer, fields=versions.VOLUNTEER_IN_QUEUE)
        bump_on_change(versions.queue_changed, get_user_model(), fields=versions.ACCOUNT_IN_QUEUE)
        m2m_changed.connect(
            versions.queue_changed,
            sender=Application.areas.through,
            dispatch_uid="esit.version.applications.Application.areas",
        )
        personal_data.register()
        workspace.register()
        volunteer_sections.register()
        mail.register()
        capabilities.register(
            "applications.review_applications",
            _("Başvuruları incelemek ve karar vermek"),
            roles=("coordinator", "administrator"),
        )
