"""E-mails about a volunteer's tasks, in the volunteer's language (esit/core/mail.py)."""

from django.conf import settings
from django.urls import reverse

from esit.activities.models import TaskAssignment
from esit.core.mail import send_templated_mail


def _send(assignment: TaskAssignment, template: str) -> None:
    user = assignment.volunteer.user
    send_templated_mail(
        template_prefix=f"activities/email/work/{template}",
        to=user.email,
        language=user.preferred_language,
        context={
            "assignment": assignment,
            "task": assignment.task,
            "volunteer": assignment.volunteer,
            "my_tasks_url": settings.SITE_URL + reverse("work:my_tasks"),
        },
    )


def send_task_assigned(assignment: TaskAssignment) -> None:
    _send(assignment, "task_assigned")


def send_task_accepted(assignment: TaskAssignment) -> None:
    _send(assignment, "task_accepted")


def send_task_returned(assignment: TaskAssignment) -> None:
    _send(assignment, "task_returned")


def send_activity_cancelled(assignment: TaskAssignment) -> None:
    _send(assignment, "activity_cancelled")
