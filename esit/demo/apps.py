from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for development: `seed_demo`, one module per domain."""

    name = "esit.demo"
    label = "demo"
