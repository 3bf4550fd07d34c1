from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "esit.core"
    label = "core"
