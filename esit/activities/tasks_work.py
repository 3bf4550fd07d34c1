"""Background e-mail about tasks. Tasks take ids and load fresh rows (STYLE.md §13)."""

from django.tasks import task

from esit.activities import emails_work
from esit.activities.models import Activity, TaskAssignment


def _load(assignment_id: int) -> TaskAssignment | None:
    return (
        TaskAssignment.objects.select_related("task__activity", "volunteer__user")
        .filter(pk=assignment_id)
        .first()
    )


@task
def send_task_assigned(assignment_id: int) -> None:
    if assignment := _load(assignment_id):
        emails_work.send_task_assigned(assignment)


@task
def send_task_accepted(assignment_id: int) -> None:
    if assignment := _load(assignment_id):
        emails_work.send_task_accepted(assignment)


@task
def send_task_returned(assignment_id: int) -> None:
    if assignment := _load(assignment_id):
        emails_work.send_task_returned(assignment)


@task
def send_task_activity_cancelled(assignment_id: int) -> None:
    assignment = _load(assignment_id)
    # Only what is still true when the e-mail leaves: the activity cancelled, the work stopped.
    if (
        assignment is not None
        and assignment.status == TaskAssignment.Status.CANCELLED
        and assignment.task.activity.status == Activity.Status.CANCELLED
    ):
        emails_work.send_activity_cancelled(assignment)
