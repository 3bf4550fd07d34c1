"""The approval e-mail's link: the new volunteer sets a password, then is led to sign in."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail

from esit.applications.services import approve_application
from tests import factories

INVITATION = re.compile(r"https?://\S+(/accounts/password/reset/key/\S+/)")
PASSWORD = "Dayanisma-2026-İzmir"


@pytest.fixture
def invitation(coordinator, run_on_commit):
    application = factories.ApplicationFactory(email="sebnem@example.org")
    with run_on_commit():
        approve_application(application=application, by=coordinator)
    (message,) = [message for message in mail.outbox if message.to == ["sebnem@example.org"]]
    return INVITATION.search(message.body).group(1)


def test_the_invitation_page_says_set_your_password(client, invitation):
    response = client.get(invitation, follow=True)

    html = response.content.decode()
    assert "<title>Parolanızı belirleyin · Eşit İzmir</title>" in html
    assert "<h1>Parolanızı belirleyin</h1>" in html
    assert '<label for="id_password1">Yeni parola' in html


def test_the_invitation_page_says_set_your_password_in_english(client, invitation):
    client.cookies["esit_language"] = "en"

    html = client.get(invitation, follow=True).content.decode()

    assert "<h1>Set your password</h1>" in html
    assert '<label for="id_password1">New password' in html


def test_a_saved_password_leads_to_signing_in(client, invitation):
    form_url = urlparse(client.get(invitation)["Location"]).path

    response = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD}, follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/accounts/password/reset/key/done/"
    assert "<h1>Parolanız kaydedildi</h1>" in html
    assert '<a class="button" href="/accounts/login/">Giriş yap</a>' in html


def test_an_expired_invitation_offers_a_new_link(client, volunteer):
    html = client.get("/accounts/password/reset/key/1-eskimis-bir-anahtar/").content.decode()

    assert "<h1>Bağlantı geçersiz</h1>" in html
    assert 'href="/accounts/password/reset/"' in html
