from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "esit.privacy"
    label = "privacy"
    verbose_name = _("Kişisel verilerin korunması")

    def ready(self):
        from esit.accounts import capabilities

        from . import personal_data

        personal_data.register()
        personal_data.register_platform_models()
        capabilities.register(
            "privacy.handle_data_requests",
            _("Kişisel veri başvurularını yürütmek"),
            roles=("administrator",),
        )
