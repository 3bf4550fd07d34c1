"""Background work of the KVKK app; each task calls one service."""

from django.tasks import task

from . import retention


@task
def apply_retention_task() -> dict[str, int]:
    """The daily run of the retention rules (safe twice: see esit/kvkk/retention.py)."""
    return {outcome.rule: outcome.people for outcome in retention.apply_rules()}
