"""Helpers for the application journey: a valid form post and readers for the rendered page."""

import datetime
import html
import re
import uuid

import pytest
from django.utils import timezone

from tests import factories

APPLY_URL = "/apply/"
THANKS_URL = "/apply/thanks/"


def years_ago(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day `years` earlier; 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def eighteenth_birthday_today() -> datetime.date:
    return years_ago(timezone.localdate(), 18)


@pytest.fixture
def valid_data(db):
    """Build the POST of a complete, valid application; keyword arguments replace fields.

    Pass a value of None to leave a field out of the post entirely.
    """

    def build(**changes) -> dict:
        data = {
            "first_name": "Ayşe",
            "last_name": "Yılmaz",
            "email": "ayse.yilmaz@example.org",
            "phone": "0532 123 45 67",
            "birth_date": "1990-05-17",
            "district": str(factories.district("karsiyaka").pk),
            "areas": [str(factories.area("translation").pk), str(factories.area("workshops").pk)],
            "language_en": "fluent",
            "language_tr": "native",
            "availability": ["mon_morning", "sat_evening"],
            "experience": "Üniversitede kadın dayanışma kulübünde gönüllüydüm.",
            "motivation": "Eşitlik için somut adımlar atmak istiyorum.",
            # Not the first choices, and a self-description: assert_kept checks these come back.
            "heard_from": "friend",
            "gender": "self_described",
            "gender_self_description": "Kendi tanımım: kuir kadın",
            "consent": "on",
            "website": "",
            "submission_key": str(uuid.uuid4()),
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return build


def page(response) -> str:
    return response.content.decode()


def field_error(response, name: str) -> str:
    """The error text shown next to a field (`id="id_<name>_error"`), or "" when there is none."""
    match = re.search(
        rf'id="id_{re.escape(name)}_error">(.*?)</(?:p|span)>', page(response), flags=re.S
    )
    return html.unescape(match.group(1)).strip() if match else ""


def form_errors(response) -> list[str]:
    """Errors about the form as a whole: the plain items of the error summary (no field link)."""
    summary = re.search(r'class="error-summary".*?</ul>', page(response), flags=re.S)
    if not summary:
        return []
    return [
        html.unescape(item).strip() for item in re.findall(r"<li>([^<]*)</li>", summary.group(0))
    ]


def input_value(response, name: str) -> str | None:
    """The value a text input was re-rendered with."""
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page(response))
    if match is None:
        return None
    value = re.search(r'value="([^"]*)"', match.group(0))
    return html.unescape(value.group(1)) if value else None


def textarea_value(response, name: str) -> str | None:
    match = re.search(
        rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>(.*?)</textarea>', page(response), re.S
    )
    return html.unescape(match.group(1)).strip() if match else None


def is_checked(response, name: str, value: str) -> bool:
    for tag in re.findall(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page(response)):
        if f'value="{value}"' in tag:
            return " checked" in tag
    return False


def checked_values(response, name: str) -> set[str]:
    """The values of every checkbox or radio button called `name` that comes back checked."""
    values = set()
    for tag in re.findall(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page(response)):
        value = re.search(r'value="([^"]*)"', tag)
        if value and " checked" in tag:
            values.add(html.unescape(value.group(1)))
    return values


def is_selected(response, name: str, value: str) -> bool:
    select = re.search(
        rf'<select[^>]*name="{re.escape(name)}"[^>]*>(.*?)</select>', page(response), re.S
    )
    if select is None:
        return False
    return (
        re.search(rf'<option value="{re.escape(value)}"[^>]*selected', select.group(1)) is not None
    )


def assert_kept(response, data: dict, *, except_fields=()) -> None:
    """Everything the person typed comes back in the re-rendered form."""
    for name in ("first_name", "last_name", "email", "phone", "birth_date"):
        if name not in except_fields:
            assert input_value(response, name) == data[name], name
    for name in ("experience", "motivation"):
        if name not in except_fields:
            assert textarea_value(response, name) == data[name], name
    if "district" not in except_fields:
        assert is_selected(response, "district", data["district"])
    if "areas" not in except_fields:
        for area_id in data["areas"]:
            assert is_checked(response, "areas", area_id), area_id
    if "availability" not in except_fields:
        assert checked_values(response, "availability") == set(data["availability"])
    for name in [name for name in data if name.startswith("language_")]:
        if name not in except_fields:
            assert is_selected(response, name, data[name]), name
    if "heard_from" not in except_fields:
        assert is_selected(response, "heard_from", data["heard_from"])
    if "gender" not in except_fields:
        assert checked_values(response, "gender") == {data["gender"]}
    if "gender_self_description" not in except_fields:
        assert input_value(response, "gender_self_description") == data["gender_self_description"]
