"""Background e-mail for applications. Tasks take ids and load fresh rows (STYLE.md §13)."""

from django.tasks import task

from . import emails
from .models import Application


def _load(application_id: int) -> Application | None:
    return Application.objects.select_related("user").filter(pk=application_id).first()


@task
def send_application_confirmation(application_id: int) -> None:
    if application := _load(application_id):
        emails.send_confirmation(application)


@task
def send_status_link_reminder(application_id: int) -> None:
    if application := _load(application_id):
        emails.send_status_link_reminder(application)


@task
def send_withdrawal_confirmation(application_id: int) -> None:
    if application := _load(application_id):
        emails.send_withdrawal_confirmation(application)


@task
def send_approval(application_id: int) -> None:
    if application := _load(application_id):
        emails.send_approval(application)


@task
def send_waitlisted(application_id: int) -> None:
    if application := _load(application_id):
        emails.send_waitlisted(application)


@task
def send_rejection(application_id: int) -> None:
    if application := _load(application_id):
        emails.send_rejection(application)
