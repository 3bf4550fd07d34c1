"""Staff see a person's messages: what, when, to which address, and whether it left."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from esit.notifications.models import Delivery
from esit.notifications.selectors import delivery_history
from tests import factories


@pytest.fixture
def ayse(db):
    return factories.UserFactory(first_name="Ayşe", email="ayse@example.org")


def delivery(key, *, kind="tests.hello", recipient=None, address="ayse@example.org", **fields):
    return Delivery.objects.create(
        kind=kind,
        recipient=recipient,
        address=address,
        object_type="accounts.user",
        object_id="1",
        idempotency_key=key,
        **fields,
    )


def test_the_history_holds_messages_to_the_account_and_to_the_addresses_newest_first(ayse):
    earlier = timezone.now() - datetime.timedelta(days=2)
    to_account = delivery("account", recipient=ayse, address="eski@example.org")
    to_address = delivery("address", address="basvuru@example.org", created_at=earlier)
    delivery("someone-else", address="baskasi@example.org")

    history = delivery_history(reader=None, user=ayse, addresses=["basvuru@example.org"])

    assert [entry.delivery for entry in history] == [to_account, to_address]
    assert history[0].label == "Hello (tests)"


def test_a_person_without_an_account_is_found_by_her_address(db):
    mine = delivery("mine", address="basvuru@example.org")

    assert [
        entry.delivery for entry in delivery_history(reader=None, addresses=["basvuru@example.org"])
    ] == [mine]
    assert delivery_history(reader=None) == []


def test_a_kind_nobody_registers_any_more_is_named_by_its_key(ayse):
    delivery("old", kind="retired.kind", recipient=ayse)

    (entry,) = delivery_history(reader=None, user=ayse)

    assert entry.label == "retired.kind"


def test_the_history_is_one_query(ayse, django_assert_num_queries):
    for number in range(5):
        delivery(f"d{number}", recipient=ayse)

    with django_assert_num_queries(1):
        delivery_history(reader=None, user=ayse, addresses=[ayse.email])


def test_the_partial_says_why_a_message_did_not_leave(ayse):
    delivery(
        "suppressed",
        recipient=ayse,
        status=Delivery.Status.SUPPRESSED,
        suppressed_because=Delivery.Why.PREFERENCE,
    )
    delivery(
        "failed",
        recipient=ayse,
        status=Delivery.Status.FAILED,
        last_error="SMTPRecipientsRefused: <ayse@example.org>",
    )

    page = render_to_string(
        "notifications/partials/delivery_history.html",
        {"history": delivery_history(reader=None, user=ayse)},
    )

    assert "Gönderilmedi: Kişi bu bildirimi kapattı" in page
    assert "Gönderilemedi" in page
    assert "SMTPRecipientsRefused: &lt;ayse@example.org&gt;" in page  # escaped, never markup


def test_the_partial_says_so_when_nothing_was_sent(db):
    page = render_to_string("notifications/partials/delivery_history.html", {"history": []})

    assert "Bu kişiye henüz bildirim gönderilmedi." in page
