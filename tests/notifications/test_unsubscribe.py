"""One-click unsubscribe (RFC 8058) from an optional kind, and the plain link behind it."""

import pytest
from django.core import mail
from django.test import Client

from esit.notifications import preferences, services
from esit.notifications.services import Recipient
from tests import factories


@pytest.fixture
def ayse(db):
    return factories.UserFactory(first_name="Ayşe")


@pytest.fixture
def news(ayse, run_on_commit):
    with run_on_commit():
        services.notify("tests.news", obj=ayse, to=Recipient.of_user(ayse))
    return mail.outbox[-1]


def test_optional_messages_carry_the_unsubscribe_headers_and_link(news, ayse):
    url = preferences.unsubscribe_url(ayse, "tests.news")
    assert news.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert news.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in news.body


def test_transactional_messages_carry_no_unsubscribe(ayse, run_on_commit):
    with run_on_commit():
        services.notify("tests.hello", obj=ayse, to=Recipient.of_user(ayse))
    assert "List-Unsubscribe" not in mail.outbox[-1].extra_headers


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_opening_the_link_changes_nothing_until_the_button_is_pressed(ayse):
    path = path_of(preferences.unsubscribe_url(ayse, "tests.news"))
    client = Client(enforce_csrf_checks=True)

    response = client.get(path)

    assert response.status_code == 200
    assert preferences.wants(ayse, "tests.news")
    assert 'method="post"' in response.content.decode()


def test_a_mail_program_unsubscribes_with_one_post_and_no_csrf_token(ayse):
    path = path_of(preferences.unsubscribe_url(ayse, "tests.news"))
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert not preferences.wants(ayse, "tests.news")
    assert preferences.wants(ayse, "tests.hello")


@pytest.mark.parametrize("token", ["bozuk", "a" * 40, "x\x00y"])
def test_a_tampered_link_is_not_found(client, db, token):
    assert client.get(f"/notifications/unsubscribe/{token}/").status_code == 404


def test_a_transactional_kind_has_no_unsubscribe_page(client, ayse):
    path = f"/notifications/unsubscribe/{preferences.unsubscribe_token(ayse, 'tests.hello')}/"
    assert client.post(path).status_code == 404
