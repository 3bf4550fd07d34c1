"""Messages another library sends itself (allauth's) are recorded, never queued."""

import pytest

from esit.notifications import services
from esit.notifications.models import Delivery
from esit.notifications.services import Recipient
from tests import factories


@pytest.fixture
def ayse(db):
    return factories.UserFactory(first_name="Ayşe")


def test_a_message_sent_elsewhere_is_recorded_as_sent_without_its_body(ayse):
    delivery = services.record_sent(
        "tests.recorded", to=Recipient.of_user(ayse), obj=ayse, subject="Parola sıfırlama"
    )

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.sent_at is not None
    assert (delivery.recipient, delivery.address) == (ayse, ayse.email)
    assert (delivery.object_type, delivery.object_id) == ("accounts.user", str(ayse.pk))
    assert delivery.params == {}


def test_a_message_that_failed_elsewhere_is_recorded_with_its_error(db):
    delivery = services.record_sent(
        "tests.recorded",
        to=Recipient(address="kimse@example.org", language="tr"),
        error=ConnectionRefusedError("bağlantı reddedildi"),
    )

    assert delivery.status == Delivery.Status.FAILED
    assert delivery.sent_at is None
    assert delivery.last_error == "ConnectionRefusedError: bağlantı reddedildi"


def test_each_recorded_message_is_a_delivery_of_its_own(ayse):
    for _ in range(2):
        services.record_sent("tests.recorded", to=Recipient.of_user(ayse))

    assert Delivery.objects.filter(kind="tests.recorded").count() == 2


def test_a_recorded_kind_cannot_be_queued(ayse):
    with pytest.raises(ValueError, match="only recorded"):
        services.notify("tests.recorded", obj=ayse, to=Recipient.of_user(ayse))
    assert not Delivery.objects.exists()


def test_a_queued_kind_cannot_be_recorded_afterwards(ayse):
    with pytest.raises(ValueError, match="not recorded"):
        services.record_sent("tests.hello", to=Recipient.of_user(ayse))


def test_staff_cannot_send_a_recorded_message_again(db):
    failed = services.record_sent(
        "tests.recorded",
        to=Recipient(address="kimse@example.org", language="tr"),
        error=ConnectionRefusedError("bağlantı reddedildi"),
    )

    services.retry(delivery=failed)

    failed.refresh_from_db()
    assert failed.status == Delivery.Status.FAILED  # only allauth can make its secret again
