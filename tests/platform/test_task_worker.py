"""With the database task backend (the default outside tests), the worker sends the e-mail."""

import pytest
from django.core import mail
from django.core.management import call_command

from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from esit.notifications.services import Recipient
from tests import factories

# The worker closes its database connections between tasks, as a real process does.
pytestmark = pytest.mark.usefixtures("live_db")


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_queued_confirmation_waits_for_the_worker_and_is_then_sent(database_tasks):
    application = factories.ApplicationFactory(first_name="Gülizar")
    confirmation = notifications.notify(
        "applications.confirmation",
        obj=application,
        to=Recipient(address=application.email, language=application.language),
    )
    assert mail.outbox == []  # queued in the database, not sent in the request

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    confirmation.refresh_from_db()
    assert confirmation.status == Delivery.Status.SENT
    assert len(mail.outbox) == 1
    assert f"/apply/status/{application.status_token}/" in mail.outbox[0].body
