"""Every message is a delivery: queued with its change, sent once, suppressed when it should be."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from esit.notifications import preferences, services
from esit.notifications.models import Delivery, Preference
from esit.notifications.services import Recipient
from tests import factories


@pytest.fixture
def ayse(db):
    return factories.UserFactory(first_name="Ayşe", preferred_language="en")


def test_a_message_is_queued_with_its_change_and_sent_after_the_commit(ayse, run_on_commit):
    with run_on_commit():
        delivery = services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse))
        assert mail.outbox == []

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.attempts == 1
    assert delivery.sent_at is not None
    assert [message.to for message in mail.outbox] == [[ayse.email]]
    assert mail.outbox[0].subject.endswith("Merhaba Ayşe (en)")  # in her language
    assert delivery.subject == "Merhaba Ayşe (en)"


def test_a_change_that_rolls_back_sends_nothing_and_keeps_no_delivery(ayse, run_on_commit):
    def failing_change():
        with transaction.atomic():
            services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse))
            raise RuntimeError("the change failed")

    with run_on_commit(), pytest.raises(RuntimeError):
        failing_change()

    assert not Delivery.objects.exists()
    assert mail.outbox == []


def test_asking_twice_for_the_same_message_sends_it_once(ayse, run_on_commit):
    with run_on_commit():
        first = services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse))
        second = services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse))

    assert first.pk == second.pk
    assert Delivery.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_key_tells_apart_messages_that_may_rightly_repeat(ayse, run_on_commit):
    with run_on_commit():
        services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse), key="2026-12-01")
        services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse), key="2026-12-02")

    assert len(mail.outbox) == 2


def test_sending_a_delivery_again_never_sends_it_twice(ayse, run_on_commit):
    with run_on_commit():
        delivery = services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse))

    assert services.send_one(delivery.pk) == Delivery.Status.SENT
    assert len(mail.outbox) == 1


def test_what_is_no_longer_true_when_it_would_leave_is_not_sent(ayse, run_on_commit):
    with run_on_commit():
        delivery = services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse))
        ayse.is_active = False
        ayse.save(update_fields=["is_active"])

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SUPPRESSED
    assert delivery.suppressed_because == Delivery.Why.NO_LONGER_TRUE
    assert mail.outbox == []


def test_params_carry_what_the_row_cannot_give_back(ayse, run_on_commit):
    with run_on_commit():
        services.notify(
            "tests.hello", obj=ayse, to=Recipient.of_user(ayse), params={"note": "Salonu değişti."}
        )

    assert "Salonu değişti." in mail.outbox[0].body


def test_someone_without_an_account_is_written_to_at_their_address(ayse, run_on_commit):
    with run_on_commit():
        delivery = services.notify(
            "tests.hello", obj=ayse, to=Recipient(address="basvuru@example.org", language="tr")
        )

    delivery.refresh_from_db()
    assert delivery.recipient is None
    assert mail.outbox[0].to == ["basvuru@example.org"]
    assert mail.outbox[0].subject.endswith("(tr)")


def test_a_batch_queues_each_recipient_once(db, run_on_commit):
    people = factories.UserFactory.create_batch(5)
    items = [(person, Recipient.of_user(person)) for person in people]
    with run_on_commit():
        assert services.notify_many("tests.hello", items) == 5
    with run_on_commit():
        assert services.notify_many("tests.hello", items) == 0  # already sent, nothing new

    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in people)


def test_an_unknown_kind_is_refused(ayse):
    with pytest.raises(LookupError):
        services.notify("tests.never_registered", obj=ayse, to=Recipient.of_user(ayse))


def closed_smtp_port(settings):
    """A real SMTP connection that cannot succeed: nothing listens on port 9 here."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }


def test_a_failed_send_is_kept_queued_for_another_try_then_marked_failed(
    ayse, run_on_commit, settings, caplog
):
    closed_smtp_port(settings)
    with run_on_commit():
        delivery = services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse))

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.QUEUED
    assert delivery.attempts == 1
    assert "ConnectionRefusedError" in delivery.last_error
    for _attempt in range(services.MAX_ATTEMPTS - 1):
        services.send_one(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == services.MAX_ATTEMPTS


def test_staff_retry_a_failed_delivery(ayse, run_on_commit):
    delivery = Delivery.objects.create(
        kind="tests.hello",
        recipient=ayse,
        address=ayse.email,
        object_type="accounts.user",
        object_id=str(ayse.pk),
        idempotency_key="retry-me",
        status=Delivery.Status.FAILED,
        attempts=3,
    )
    with run_on_commit():
        services.retry(delivery=delivery)

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert len(mail.outbox) == 1


def test_the_sweep_requeues_lost_deliveries_and_gives_up_on_ones_a_dead_worker_claimed(
    ayse, run_on_commit
):
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    common = {
        "kind": "tests.hello",
        "recipient": ayse,
        "address": ayse.email,
        "object_type": "accounts.user",
        "object_id": str(ayse.pk),
    }
    lost = Delivery.objects.create(**common, idempotency_key="lost", enqueued_at=long_ago)
    claimed = Delivery.objects.create(
        **common,
        idempotency_key="claimed",
        status=Delivery.Status.SENDING,
        claimed_at=long_ago,
        attempts=1,
    )
    fresh = Delivery.objects.create(**common, idempotency_key="fresh")

    with run_on_commit():
        result = services.requeue_stale()

    assert (result.requeued, result.failed) == (1, 1)
    lost.refresh_from_db()
    claimed.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.status == Delivery.Status.SENT
    assert claimed.status == Delivery.Status.FAILED
    assert "may or may not have left" in claimed.last_error
    assert fresh.status == Delivery.Status.QUEUED  # its own task is still on its way
    assert len(mail.outbox) == 1


def test_optional_kinds_can_be_turned_off_one_by_one_or_all_at_once(ayse, run_on_commit):
    preferences.set_preference(user=ayse, kind_key="tests.news", enabled=False)
    with run_on_commit():
        turned_off = services.notify("tests.news", obj=ayse, to=Recipient.of_user(ayse))
    turned_off.refresh_from_db()
    assert turned_off.status == Delivery.Status.SUPPRESSED
    assert turned_off.suppressed_because == Delivery.Why.PREFERENCE

    preferences.set_preference(user=ayse, kind_key="tests.news", enabled=True)
    preferences.set_all_optional(user=ayse, enabled=False)
    with run_on_commit():
        all_off = services.notify("tests.news", obj=ayse, to=Recipient.of_user(ayse), key="2")
        service = services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse))
    all_off.refresh_from_db()
    service.refresh_from_db()
    assert all_off.status == Delivery.Status.SUPPRESSED
    assert service.status == Delivery.Status.SENT  # transactional messages always go
    assert len(mail.outbox) == 1


def test_turning_one_kind_back_on_lifts_all_off(ayse):
    preferences.set_all_optional(user=ayse, enabled=False)
    preferences.set_preference(user=ayse, kind_key="tests.news", enabled=True)
    assert preferences.wants(ayse, "tests.news")
    assert not Preference.objects.filter(user=ayse, kind=Preference.ALL_OPTIONAL).exists()


def test_a_transactional_kind_cannot_be_turned_off(ayse):
    with pytest.raises(ValueError, match="cannot be turned off"):
        preferences.set_preference(user=ayse, kind_key="tests.hello", enabled=False)
