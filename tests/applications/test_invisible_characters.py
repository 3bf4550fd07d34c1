"""Typed text with NUL, control or direction-override characters is refused next to its
field, with what was typed kept, and nothing is stored (esit/core/forms.py)."""

import pytest

from esit.applications.models import Application
from tests.applications.conftest import field_error

pytestmark = pytest.mark.django_db

REFUSED = {
    "NUL": "Ayşe\x00Yılmaz",
    "a bell and an escape": "Ayşe\x07\x1b[31m",
    "a right-to-left override": "Ayşe\u202egnp.exe",
    "a direction isolate": "Ayşe\u2066Yılmaz",
}
FREE_TEXT = ("first_name", "last_name", "experience", "motivation", "gender_self_description")


@pytest.mark.parametrize("field", FREE_TEXT)
@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_the_application_refuses_invisible_characters_next_to_the_field(
    client, valid_data, field, text
):
    response = client.post("/apply/", valid_data(**{field: text}))

    assert response.status_code == 200
    assert field_error(response, field)
    assert not Application.objects.exists()
    kept = "experience" if field == "motivation" else "motivation"
    assert valid_data()[kept] in response.content.decode()  # the rest of what she typed stays


def test_the_message_is_translated(client, valid_data):
    turkish = client.post("/apply/", valid_data(motivation="Eşitlik\u202e"))
    client.cookies["esit_language"] = "en"
    english = client.post("/apply/", valid_data(motivation="Eşitlik\u202e"))

    assert "görünmeyen denetim karakterleri" in field_error(turkish, "motivation")
    assert "invisible control characters" in field_error(english, "motivation")


@pytest.mark.parametrize("text", ["Ayşe\tYılmaz", "satır\r\nsatır", "مرحبا\u200f"])
def test_tabs_new_lines_and_right_to_left_marks_are_ordinary_text(client, valid_data, text):
    response = client.post("/apply/", valid_data(experience=text))

    assert response.status_code == 302
    assert Application.objects.count() == 1
