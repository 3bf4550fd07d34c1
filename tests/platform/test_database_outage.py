"""The database stops answering: 503 with Retry-After, and what the person typed comes back.

The outage is real (the `outage` fixture, tests/platform/conftest.py): the driver itself
fails to connect.
"""

import html
import re

import pytest
from django.test import Client, RequestFactory

from esit.applications.models import Application
from esit.core.views import server_error
from tests.applications import conftest as application_helpers
from tests.applications.conftest import APPLY_URL, THANKS_URL

HIDDEN = re.compile(r'<input type="hidden" name="([^"]*)" value="([^"]*)">')

valid_data = application_helpers.valid_data  # the application journey's complete, valid POST


def hidden_fields(response) -> list[tuple[str, str]]:
    found = HIDDEN.findall(response.content.decode())
    return [(name, html.unescape(value)) for name, value in found]


@pytest.fixture
def client():
    """A client that answers as a server does: an exception in a view becomes its response
    (Django's test client would raise it in the test instead)."""
    return Client(raise_request_exception=False)


def test_a_page_answers_503_with_retry_after(client, outage):
    with outage():
        response = client.get(APPLY_URL)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert '<html lang="tr">' in page
    assert "<h1>Birazdan yeniden deneyin</h1>" in page
    assert f'<a class="button" href="{APPLY_URL}">Yeniden dene</a>' in page


def test_the_outage_page_speaks_english_to_english_visitors(client, outage):
    client.cookies["esit_language"] = "en"

    with outage():
        response = client.get(APPLY_URL)

    page = response.content.decode()
    assert response.status_code == 503
    assert '<html lang="en">' in page
    assert "<h1>Please try again in a moment</h1>" in page


def test_a_posted_form_comes_back_as_hidden_fields_with_a_try_again_button(
    client, outage, valid_data
):
    data = valid_data()

    with outage():
        response = client.post(APPLY_URL, data)

    page = response.content.decode()
    assert response.status_code == 503
    assert f'<form method="post" action="{APPLY_URL}">' in page
    assert '<button type="submit" class="button">Yeniden dene</button>' in page
    sent_again = hidden_fields(response)
    for name, value in data.items():
        for one in value if isinstance(value, list) else [value]:
            assert (name, one) in sent_again, name


def test_what_was_typed_comes_back_escaped(client, outage, valid_data):
    data = valid_data(motivation='"><script>alert(1)</script>')

    with outage():
        response = client.post(APPLY_URL, data)

    page = response.content.decode()
    assert "<script>" not in page
    assert ("motivation", '"><script>alert(1)</script>') in hidden_fields(response)


def test_a_password_is_never_echoed(client, outage):
    with outage():
        response = client.post(
            "/accounts/login/", {"login": "ayse@example.org", "password": "gizli-parola-2026"}
        )

    page = response.content.decode()
    assert response.status_code == 503
    assert "gizli-parola-2026" not in page
    assert ("login", "ayse@example.org") in hidden_fields(response)
    assert "parolanız bu sayfada saklanmadı" in page


def test_the_try_again_button_sends_a_fresh_csrf_token(outage, valid_data):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    form_page = browser.get(APPLY_URL)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page.content.decode())
    data = {**valid_data(), "csrfmiddlewaretoken": token[1]}

    with outage():
        response = browser.post(APPLY_URL, data)

    (fresh,) = [value for name, value in hidden_fields(response) if name == "csrfmiddlewaretoken"]
    assert fresh != token[1]


def test_trying_again_once_the_database_is_back_saves_the_application_once(outage, valid_data):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    form_page = browser.get(APPLY_URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page)[1]
    data = {**valid_data(), "csrfmiddlewaretoken": token}
    with outage():
        outage_page = browser.post(APPLY_URL, data)
    fields = {}
    for name, value in hidden_fields(outage_page):
        fields.setdefault(name, []).append(value)

    first = browser.post(APPLY_URL, fields)
    second = browser.post(APPLY_URL, fields)  # pressed twice: the one-time key settles it

    assert first.status_code == 302
    assert first["Location"] == THANKS_URL
    assert second.status_code == 302
    assert Application.objects.count() == 1


def test_a_post_with_files_asks_to_send_the_form_again(client, outage, tmp_path):
    upload = tmp_path / "rapor.txt"
    upload.write_text("Saha raporu")

    with outage(), upload.open("rb") as file:
        response = client.post(APPLY_URL, {"first_name": "Ayşe", "report": file})

    page = response.content.decode()
    assert response.status_code == 503
    assert "<form" not in page
    assert "dosyaları yeniden seçerek gönderin" in page


def test_an_error_that_is_not_the_databases_is_still_a_500():
    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug, not an outage")
    except ValueError:
        response = server_error(request)

    assert response.status_code == 500
