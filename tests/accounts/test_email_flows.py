"""allauth's e-mail flows, end to end: verifying an address, and resetting a forgotten password."""

import re
from urllib.parse import urlparse

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user
from django.core import mail
from django.test import Client

from tests import factories
from tests.accounts.helpers import sign_in

CONFIRM_LINK = re.compile(r"https?://[^\s/]+(/accounts/confirm-email/[^\s/]+/)")
RESET_LINK = re.compile(r"https?://[^\s/]+(/accounts/password/reset/key/[^\s/]+/)")
NEW_PASSWORD = "yeni-ve-uzun-bir-parola-2026"


def only_link(pattern: re.Pattern, message) -> str:
    (link,) = pattern.findall(message.body)
    return link


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_an_unverified_address_is_verified_through_the_emailed_link(client, volunteer):
    email = volunteer.user.email
    EmailAddress.objects.filter(user=volunteer.user).update(verified=False)

    sign_in(client, email)
    assert not get_user(client).is_authenticated
    (message,) = mails_to(email)
    link = only_link(CONFIRM_LINK, message)

    assert client.get(link).status_code == 200
    assert not EmailAddress.objects.get(email=email).verified  # a GET confirms nothing
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email=email).verified

    visitor = Client()
    response = sign_in(visitor, email)
    assert response.status_code == 302
    assert get_user(visitor) == volunteer.user


def test_a_password_reset_link_sets_a_new_password(client, volunteer):
    email = volunteer.user.email

    response = client.post("/accounts/password/reset/", {"email": email})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [email]
    link = only_link(RESET_LINK, message)

    response = client.get(link)
    assert response.status_code == 302  # allauth hides the key behind a redirect
    form_url = urlparse(response["Location"]).path
    assert client.get(form_url).status_code == 200
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302

    volunteer.user.refresh_from_db()
    assert volunteer.user.check_password(NEW_PASSWORD)
    visitor = Client()
    assert sign_in(visitor, email, password=NEW_PASSWORD).status_code == 302
    assert get_user(visitor) == volunteer.user
    old = Client()
    sign_in(old, email, password=factories.PASSWORD)
    assert not get_user(old).is_authenticated


def test_a_reset_for_an_unknown_address_sends_no_reset_link(client, db):
    response = client.post("/accounts/password/reset/", {"email": "kimse@example.org"})

    assert response.status_code == 302  # the same answer as for a known address
    # allauth tells the address that it has no account here (ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS),
    # so the person is not left waiting, but that e-mail can reset nothing.
    (message,) = mail.outbox
    assert message.to == ["kimse@example.org"]
    assert "/accounts/password/reset/key/" not in message.body
