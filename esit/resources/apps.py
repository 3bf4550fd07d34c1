from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """The resource library: guides, documents and links (/resources/, docs/resources.md)."""

    name = "esit.resources"
    label = "resources"
    verbose_name = _("Kaynak kitaplığı")

    def ready(self):
        from . import mail, personal_data, workspace

        mail.register()
        personal_data.register()
        workspace.register()
