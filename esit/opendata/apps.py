from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """Open data: the API /api/v1/ and the page /open-data/ (docs/opendata.md). Stores
    nothing: every answer is counted from the other apps' tables."""

    name = "esit.opendata"
    label = "opendata"
    verbose_name = _("Açık veri")
