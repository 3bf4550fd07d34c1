from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    """The confidential safety channel: /me/safety/ and /staff/safety/ (docs/safety.md)."""

    name = "esit.safety"
    label = "safety"
    verbose_name = _("Güvenlik bildirimleri")

    def ready(self):
        from . import workspace

        workspace.register()
