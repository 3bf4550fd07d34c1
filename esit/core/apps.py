from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "esit.core"
    label = "core"


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin on our site: titled Eşit İzmir, with Turkish capitals."""

    default = False
    default_site = "esit.core.admin_site.AdminSite"
