"""Reports store nothing about anyone; declared so that a new field must be classified."""

from esit.core import personal_data_registry as registry

from .models import Report


def register() -> None:
    registry.register_no_personal_data(
        Report, fields=set(), reason="Carries the reports capability; no table, no data."
    )
