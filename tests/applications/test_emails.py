"""The applicant's e-mails are notifications: one delivery per message, to the application's
address and language, and nothing sent that stopped being true before it left."""

import pytest
from django.core import mail

from esit.applications import services
from esit.applications.models import Application
from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from tests import factories

from .test_services import _submit as submit

pytestmark = pytest.mark.django_db


def deliveries(kind: str) -> list[Delivery]:
    return list(Delivery.objects.filter(kind=kind).order_by("pk"))


def test_a_decision_is_one_delivery_to_the_application_s_address_and_language(
    coordinator, run_on_commit
):
    application = factories.ApplicationFactory(email="elif@example.org", language="en")
    with run_on_commit():
        services.reject_application(application=application, by=coordinator, reason="Kontenjan")

    (rejection,) = deliveries("applications.rejected")
    assert (rejection.address, rejection.language, rejection.recipient) == (
        "elif@example.org",
        "en",
        None,
    )
    assert rejection.status == Delivery.Status.SENT
    assert mail.outbox[0].subject == "Eşit İzmir · About your application"


def test_the_invitation_goes_to_the_new_volunteer_s_account(coordinator, run_on_commit):
    application = factories.ApplicationFactory()
    with run_on_commit():
        services.approve_application(application=application, by=coordinator)

    application.refresh_from_db()
    (invitation,) = deliveries("applications.approved")
    assert invitation.recipient == application.user
    assert invitation.status == Delivery.Status.SENT


def test_a_waitlist_message_is_not_sent_once_the_application_was_approved_meanwhile(
    coordinator,
):
    # No commit in this test: the deliveries wait in the queue until send_one() below.
    application = factories.ApplicationFactory()
    services.waitlist_application(application=application, by=coordinator)
    services.approve_application(
        application=Application.objects.get(pk=application.pk), by=coordinator
    )
    (waitlisted,) = deliveries("applications.waitlisted")
    (approved,) = deliveries("applications.approved")

    assert notifications.send_one(waitlisted.pk) == Delivery.Status.SUPPRESSED
    assert notifications.send_one(approved.pk) == Delivery.Status.SENT
    assert [message.subject for message in mail.outbox] == [
        "Eşit İzmir · Eşit İzmir gönüllü ağına hoş geldiniz"
    ]


def test_no_status_link_reminder_for_an_application_closed_before_it_left(db):
    application = factories.ApplicationFactory(email="ayse@example.org")
    # Someone applies with the same address: the owner's reminder is queued, not yet sent.
    with pytest.raises(services.DuplicateApplication):
        submit(email="ayse@example.org")
    services.withdraw_application(application=application)
    (reminder,) = deliveries("applications.status_link")

    assert notifications.send_one(reminder.pk) == Delivery.Status.SUPPRESSED
    assert [message.subject for message in mail.outbox] == []
