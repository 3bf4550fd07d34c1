from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "esit.core"
    label = "core"

    def ready(self):
        from .forms import install_plain_text_rule

        install_plain_text_rule()


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin on our site: titled Eşit İzmir, with Turkish capitals."""

    default = False
    default_site = "esit.core.admin_site.AdminSite"
