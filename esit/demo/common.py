"""Helpers every demo module shares."""

import contextlib
import logging

from django.db.models import Count


@contextlib.contextmanager
def quiet_task_log():
    """The immediate backend logs every task's start and end: 100 lines nobody needs here."""
    logger = logging.getLogger("django.tasks")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def by_status(model) -> str:
    counts = dict(model.objects.order_by().values_list("status").annotate(count=Count("id")))
    return ", ".join(f"{status.label} {counts.get(status.value, 0)}" for status in model.Status)
