"""With the database task backend (the default outside tests), the worker sends the e-mail."""

import pytest
from django.core import mail
from django.core.management import call_command

from esit.applications import tasks
from tests import factories

# The worker closes its database connections between tasks, as a real process does.
pytestmark = pytest.mark.usefixtures("live_db")


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_queued_confirmation_waits_for_the_worker_and_is_then_sent(database_tasks):
    application = factories.ApplicationFactory(first_name="Gülizar")
    result = tasks.send_application_confirmation.enqueue(application.pk)
    assert mail.outbox == []  # queued in the database, not sent in the request

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert len(mail.outbox) == 1
    assert f"/apply/status/{application.status_token}/" in mail.outbox[0].body
