"""allauth's own e-mails are sent by allauth and recorded as deliveries, without their body,
so a person's history of messages is complete (esit/accounts/mail.py)."""

import logging
import re
from pathlib import Path

import allauth
import pytest
from django.core import mail

from esit.accounts import mail as account_mail
from esit.notifications import kinds
from esit.notifications.models import Delivery
from esit.notifications.selectors import delivery_history
from tests import factories

RESET_KEY = re.compile(r"/accounts/password/reset/key/([^\s/]+)/")


def test_a_password_reset_is_recorded_as_sent_to_the_account(client, volunteer):
    client.post("/accounts/password/reset/", {"email": volunteer.user.email.upper()})

    (delivery,) = Delivery.objects.all()
    assert delivery.kind == "accounts.password_reset_key"
    assert delivery.status == Delivery.Status.SENT
    assert (delivery.recipient, delivery.address) == (volunteer.user, volunteer.user.email)
    assert delivery.language == "tr"
    assert len(mail.outbox) == 1


def test_the_record_keeps_none_of_the_secret_the_e_mail_carries(client, volunteer):
    client.post("/accounts/password/reset/", {"email": volunteer.user.email})
    (key,) = RESET_KEY.findall(mail.outbox[0].body)

    (row,) = Delivery.objects.values()
    assert [name for name, value in row.items() if key in str(value)] == []
    assert row["params"] == {}


def test_a_message_to_an_address_without_an_account_is_recorded_without_one(client, db):
    client.post("/accounts/password/reset/", {"email": "kimse@example.org"})

    (delivery,) = Delivery.objects.all()
    assert delivery.kind == "accounts.unknown_account"
    assert (delivery.recipient, delivery.address) == (None, "kimse@example.org")
    assert delivery.status == Delivery.Status.SENT


def test_a_message_that_could_not_be_sent_is_recorded_as_failed(
    client, volunteer, settings, caplog
):
    # A real SMTP connection that cannot succeed: nothing listens on port 9 here.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    caplog.set_level(logging.CRITICAL, logger="django.request")  # the 500 it answers is expected

    with pytest.raises(ConnectionRefusedError):
        client.post("/accounts/password/reset/", {"email": volunteer.user.email})

    (delivery,) = Delivery.objects.all()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.sent_at is None
    assert delivery.last_error.startswith("ConnectionRefusedError")


def allauth_templates() -> set[str]:
    """Every e-mail allauth (and our overrides of it) can send, by template prefix."""
    roots = [
        Path(allauth.__file__).parent / "templates",
        Path(account_mail.__file__).parent / "templates",
    ]
    return {
        str(subject.relative_to(root)).removesuffix("_subject.txt")
        for root in roots
        for folder in ("account/email", "mfa/email")
        for subject in (root / folder).glob("*_subject.txt")
    }


def test_every_e_mail_allauth_can_send_is_a_recorded_kind():
    unnamed = sorted(
        prefix
        for prefix in allauth_templates()
        if account_mail.kind_key(prefix) not in {kind.key for kind in kinds.all_kinds()}
    )
    assert unnamed == []
    assert all(kinds.get(account_mail.kind_key(prefix)).recorded for prefix in allauth_templates())


def test_the_history_of_a_person_names_her_password_reset(client, db):
    user = factories.UserFactory(email="ayse@example.org")
    client.post("/accounts/password/reset/", {"email": "ayse@example.org"})

    (entry,) = delivery_history(reader=None, user=user)
    assert str(entry.label) == "Parola yenileme bağlantısı"
