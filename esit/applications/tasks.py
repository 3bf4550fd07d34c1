"""Background e-mail for applications. Tasks take ids and load fresh rows (STYLE.md §13)."""

from django.contrib.auth import get_user_model
from django.tasks import task

from . import emails
from .models import Application
from .selectors import in_programme


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


@task
def send_welcome_back(application_id: int) -> None:
    if (application := _load(application_id)) and application.user:
        emails.send_welcome_back(application)


@task
def send_member_reminder(user_id: int) -> None:
    """Only while the account is still in the programme, which is what the e-mail says."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None and in_programme(user):
        emails.send_member_reminder(user)


@task
def send_email_corrected(application_id: int) -> None:
    if application := _load(application_id):
        emails.send_email_corrected(application)
