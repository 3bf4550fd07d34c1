"""The application is committed before "thank you"; the confirmation is a notification that
leaves through django.tasks once the application is committed."""

import pytest
from django.core import mail
from django.db import connection
from django.tasks import default_task_backend

from esit.applications.models import Application
from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from esit.notifications.services import Recipient
from esit.notifications.tasks import send_deliveries
from tests import factories

from .conftest import APPLY_URL, THANKS_URL

STATUS_LINK = "http://testserver/apply/status/{token}/"


@pytest.mark.usefixtures("live_db")
def test_application_is_committed_before_the_thanks_page(client, valid_data):
    # No test transaction here: the on-commit confirmation can only be sent by a real COMMIT,
    # so an e-mail in the outbox when the redirect arrives proves the row was committed first.
    response = client.post(APPLY_URL, valid_data())
    assert response.status_code == 302
    assert response.url == THANKS_URL
    assert not connection.in_atomic_block
    application = Application.objects.get(email="ayse.yilmaz@example.org")
    assert len(mail.outbox) == 1
    assert STATUS_LINK.format(token=application.status_token) in mail.outbox[0].body


@pytest.mark.django_db
def test_thanks_page_links_the_status_page(client, valid_data):
    client.post(APPLY_URL, valid_data())
    application = Application.objects.get()
    response = client.get(THANKS_URL)
    assert response.status_code == 200
    assert f'href="/apply/status/{application.status_token}/"' in response.content.decode()


@pytest.mark.django_db
def test_thanks_page_without_an_application_shows_no_status_link(client):
    response = client.get(THANKS_URL)
    assert response.status_code == 200
    assert "/apply/status/" not in response.content.decode()


@pytest.mark.django_db
def test_the_confirmation_leaves_through_a_django_task(
    client, valid_data, settings, django_capture_on_commit_callbacks
):
    # A backend that only records what was enqueued, so nothing runs in the request.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(APPLY_URL, valid_data())

    (confirmation,) = Delivery.objects.filter(kind="applications.confirmation")
    assert confirmation.status == Delivery.Status.QUEUED
    assert confirmation.object_id == str(Application.objects.get().pk)
    (queued,) = default_task_backend.results
    assert queued.task.func is send_deliveries.func
    assert queued.args == [[confirmation.pk]]
    assert mail.outbox == []


@pytest.mark.django_db
def test_confirmation_waits_for_the_commit(client, valid_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(APPLY_URL, valid_data())
    assert Application.objects.count() == 1
    assert mail.outbox == []  # not sent while the transaction is still open
    assert callbacks  # the confirmation's among them (and the queue's version, again)
    for callback in callbacks:  # the commit happens: the task is enqueued and (in tests) runs
        callback()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_confirmation_is_sent_once_the_application_is_committed(client, valid_data, run_on_commit):
    with run_on_commit():
        client.post(APPLY_URL, valid_data())
    application = Application.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ayse.yilmaz@example.org"]
    assert message.subject == "Eşit İzmir · Başvurunuzu aldık"
    assert "Merhaba Ayşe," in message.body
    assert STATUS_LINK.format(token=application.status_token) in message.body


def queued_confirmation(application) -> Delivery:
    return notifications.notify(
        "applications.confirmation",
        obj=application,
        to=Recipient(address=application.email, language=application.language),
    )


@pytest.mark.django_db
def test_the_confirmation_loads_the_application_when_it_leaves():
    application = factories.ApplicationFactory()
    confirmation = queued_confirmation(application)

    assert notifications.send_one(confirmation.pk) == Delivery.Status.SENT
    assert mail.outbox[0].to == [application.email]


@pytest.mark.django_db
def test_the_confirmation_of_a_deleted_application_sends_nothing():
    application = factories.ApplicationFactory()
    confirmation = queued_confirmation(application)
    Application.objects.filter(pk=application.pk).delete()

    assert notifications.send_one(confirmation.pk) == Delivery.Status.SUPPRESSED
    assert mail.outbox == []


# Language ------------------------------------------------------------------------


@pytest.mark.django_db
def test_applicant_in_turkish_gets_the_turkish_confirmation(client, valid_data, run_on_commit):
    with run_on_commit():
        client.post(APPLY_URL, valid_data())
    assert Application.objects.get().language == "tr"
    assert "Eşit İzmir gönüllü ağına başvurduğunuz için teşekkür ederiz." in mail.outbox[0].body


@pytest.mark.django_db
def test_applicant_who_switched_to_english_is_answered_in_english(
    client, valid_data, run_on_commit
):
    client.post("/i18n/setlang/", {"language": "en", "next": APPLY_URL})
    with run_on_commit():
        response = client.post(APPLY_URL, valid_data())
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.language == "en"
    assert mail.outbox[0].to == ["ayse.yilmaz@example.org"]
    assert STATUS_LINK.format(token=application.status_token) in mail.outbox[0].body


@pytest.mark.django_db
def test_the_language_cookie_alone_sets_the_application_language(client, valid_data):
    client.cookies["esit_language"] = "en"
    client.post(APPLY_URL, valid_data())
    assert Application.objects.get().language == "en"


@pytest.mark.django_db
def test_a_browser_asking_for_english_still_applies_in_turkish(client, valid_data):
    client.post(APPLY_URL, valid_data(), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert Application.objects.get().language == "tr"
