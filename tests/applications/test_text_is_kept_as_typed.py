"""HTML is stored as text and always shown escaped; Turkish letters and emoji survive."""

import pytest
from django.core import mail

from esit.applications.models import Application

from .conftest import APPLY_URL, input_value, textarea_value

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
BOLD = "<b onmouseover='x()'>Ayşe</b>"
TURKISH = "İıŞşĞğÇçÖöÜü"
EMOJI = "🌸✊🏽👩‍👩‍👧"

TEXT_FIELDS = ["first_name", "last_name", "experience", "motivation", "gender_self_description"]


def _post_with(client, valid_data, value):
    data = valid_data(
        first_name=value,
        last_name=value,
        experience=value,
        motivation=value,
        gender="self_described",
        gender_self_description=value,
    )
    return client.post(APPLY_URL, data)


@pytest.mark.parametrize("markup", [SCRIPT, BOLD])
def test_html_and_script_in_every_text_field_are_stored_verbatim(client, valid_data, markup):
    response = _post_with(client, valid_data, markup)
    assert response.status_code == 302
    application = Application.objects.get()
    for name in TEXT_FIELDS:
        assert getattr(application, name) == markup, name


def test_turkish_letters_and_emoji_survive_unchanged_in_every_text_field(client, valid_data):
    typed = f"{TURKISH} {EMOJI}"
    response = _post_with(client, valid_data, typed)
    assert response.status_code == 302
    application = Application.objects.get()
    for name in TEXT_FIELDS:
        assert getattr(application, name) == typed, name


def test_turkish_name_is_searchable_the_turkish_way(client, valid_data):
    client.post(APPLY_URL, valid_data(first_name="IŞIL", last_name="İNCE"))
    assert Application.objects.get().search_text.startswith("ışıl ince ")


def test_script_in_a_name_is_shown_escaped_on_the_status_page(client, valid_data):
    _post_with(client, valid_data, SCRIPT)
    application = Application.objects.get()
    body = client.get(f"/apply/status/{application.status_token}/").content.decode()
    assert SCRIPT not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body


def test_script_in_a_decision_reason_is_shown_escaped_on_the_status_page(client, valid_data):
    _post_with(client, valid_data, "Ayşe")
    application = Application.objects.get()
    Application.objects.filter(pk=application.pk).update(
        status=Application.Status.REJECTED, decision_reason=SCRIPT
    )
    body = client.get(f"/apply/status/{application.status_token}/").content.decode()
    assert SCRIPT not in body
    assert "&lt;script&gt;" in body


def test_script_typed_into_a_refused_form_comes_back_escaped(client, valid_data):
    data = valid_data(first_name=SCRIPT, motivation=SCRIPT, consent=None)
    response = client.post(APPLY_URL, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert SCRIPT not in body
    assert input_value(response, "first_name") == SCRIPT
    assert textarea_value(response, "motivation") == SCRIPT


def test_confirmation_email_is_plain_text_with_the_name_as_typed(client, valid_data, run_on_commit):
    with run_on_commit():
        _post_with(client, valid_data, SCRIPT)
    message = mail.outbox[0]
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", [])
    # Plain text is never interpreted as HTML: the name is shown exactly as typed.
    assert f"Merhaba {SCRIPT}," in message.body
    assert "&lt;" not in message.body


def test_turkish_letters_and_emoji_survive_in_the_confirmation_email(
    client, valid_data, run_on_commit
):
    with run_on_commit():
        _post_with(client, valid_data, f"{TURKISH} {EMOJI}")
    assert f"Merhaba {TURKISH} {EMOJI}," in mail.outbox[0].body
