from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "esit.notifications"
    label = "notifications"
    verbose_name = _("Bildirimler")

    def ready(self):
        from . import personal_data

        personal_data.register()
