"""E-mails about a volunteer's tasks: the `work.*` kinds, in the volunteer's language.

Each says only what is still true when it leaves: an assignment the volunteer still holds,
work still accepted or still returned, the work stopped because its activity is cancelled.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from esit.notifications import kinds

from ..models import Activity, TaskAssignment


def load(assignment_id: str) -> TaskAssignment | None:
    return (
        TaskAssignment.objects.select_related("task__activity", "volunteer__user")
        .filter(pk=assignment_id)
        .first()
    )


def _context(assignment: TaskAssignment) -> dict:
    return {
        "assignment": assignment,
        "task": assignment.task,
        "volunteer": assignment.volunteer,
        "my_tasks_url": settings.SITE_URL + reverse("work:my_tasks"),
    }


def while_(*statuses):
    def context(assignment: TaskAssignment, delivery) -> dict | None:
        return _context(assignment) if assignment.status in statuses else None

    return context


def activity_cancelled_context(assignment: TaskAssignment, delivery) -> dict | None:
    """The activity cancelled and the work stopped, both still so."""
    if (
        assignment.status != TaskAssignment.Status.CANCELLED
        or assignment.task.activity.status != Activity.Status.CANCELLED
    ):
        return None
    return _context(assignment)


def _kind(name: str, label, context) -> kinds.Kind:
    return kinds.Kind(
        key=f"work.{name}",
        label=label,
        template=f"activities/email/work/{name}",
        context=context,
        load=load,
    )


KINDS = [
    _kind("task_assigned", _("Koordinatör görev verdi"), while_(*TaskAssignment.ACTIVE_STATUSES)),
    _kind("task_accepted", _("Görev teslimi kabul edildi"), while_(TaskAssignment.Status.ACCEPTED)),
    _kind("task_returned", _("Görevde düzeltme istendi"), while_(TaskAssignment.Status.RETURNED)),
    _kind("activity_cancelled", _("Görevin etkinliği iptal edildi"), activity_cancelled_context),
]


def register() -> None:
    for kind in KINDS:
        kinds.register(kind)
