"""Links in allauth's e-mails are built from SITE_URL, never from the Host a visitor sends."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.accounts.helpers import sign_in

SITE_URL = "https://gonullu.izmir.example"
# An allowed host (ALLOWED_HOSTS ignores the port) with a port nobody configured.
FORGED = {"HTTP_HOST": "testserver:6666"}
LINK = re.compile(r"https?://\S+")


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE_URL


def links_in(message) -> list[str]:
    return LINK.findall(message.body)


def link_to(path: str, message) -> str:
    """The one link in the message to an address containing `path`."""
    (link,) = [link for link in links_in(message) if path in link]
    return link


def test_a_password_reset_link_starts_with_site_url(client, volunteer):
    client.post("/accounts/password/reset/", {"email": volunteer.user.email}, **FORGED)

    (message,) = mail.outbox
    assert link_to("/password/reset/key/", message).startswith(
        f"{SITE_URL}/accounts/password/reset/key/"
    )


def test_an_email_confirmation_link_starts_with_site_url(client, volunteer):
    EmailAddress.objects.filter(user=volunteer.user).update(verified=False)

    sign_in(client, volunteer.user.email, **FORGED)

    (message,) = mail.outbox
    assert link_to("/confirm-email/", message).startswith(f"{SITE_URL}/accounts/confirm-email/")


def test_the_unknown_account_email_links_to_the_application_form_on_site_url(client, db):
    client.post("/accounts/password/reset/", {"email": "kimse@example.org"}, **FORGED)

    (message,) = mail.outbox
    assert link_to("/apply/", message) == f"{SITE_URL}/apply/"
    assert "/accounts/signup/" not in message.body  # nobody signs up on their own


@pytest.mark.parametrize("language", ["tr", "en"])
def test_no_allauth_email_names_the_forged_host(client, volunteer, language):
    client.cookies["esit_language"] = language
    EmailAddress.objects.filter(user=volunteer.user).update(verified=False)

    sign_in(client, volunteer.user.email, **FORGED)
    client.post("/accounts/password/reset/", {"email": volunteer.user.email}, **FORGED)
    client.post("/accounts/password/reset/", {"email": "kimse@example.org"}, **FORGED)

    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert "6666" not in message.subject + message.body
        assert all(link.startswith(SITE_URL) for link in links_in(message)), message.body
