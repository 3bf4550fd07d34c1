"""Helpers for the public activity pages: a valid registration post and readers for pages."""

import html
import re

import pytest

from tests import factories

LIST_URL = "/activities/"


def detail_url(activity) -> str:
    return f"/activities/{activity.pk}/"


def register_url(activity) -> str:
    return f"/activities/{activity.pk}/register/"


def cancel_url(participant) -> str:
    return f"/activities/registrations/{participant.cancel_token}/cancel/"


def page(response) -> str:
    return response.content.decode()


def field_error(response, name: str) -> str:
    """The error shown next to a field (`id="id_<name>_error"`), or "" when there is none."""
    match = re.search(
        rf'id="id_{re.escape(name)}_error">(.*?)</(?:p|span)>', page(response), flags=re.S
    )
    return html.unescape(match.group(1)).strip() if match else ""


def input_value(response, name: str) -> str | None:
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page(response))
    if match is None:
        return None
    value = re.search(r'value="([^"]*)"', match.group(0))
    return html.unescape(value.group(1)) if value else None


def card_titles(response) -> list[str]:
    """The titles of the activity cards on the list page, in order."""
    return [
        html.unescape(title)
        for title in re.findall(
            r'<article class="card activity-card">\s*<h2><a href="[^"]*">(.*?)</a></h2>',
            page(response),
        )
    ]


@pytest.fixture
def workshop(db):
    """A published workshop open to the public, with two places."""
    return factories.ActivityFactory(
        title_tr="Kadın hakları atölyesi",
        title_en="Women's rights workshop",
        public_registration=True,
        public_capacity=2,
    )


@pytest.fixture
def registration_data():
    def build(**changes) -> dict:
        data = {
            "name": "Gülşen Çağlar",
            "email": "gulsen@example.org",
            "phone": "0532 123 45 67",
            "consent": "on",
            "website": "",
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return build


def make_participant(activity, *, email: str, status: str = "confirmed", name: str = "Derya Işık"):
    """A registration made earlier, without the service (for setting up a scene)."""
    from django.utils import timezone

    from esit.activities.models import Participant
    from esit.privacy.services import record_consent

    return Participant.objects.create(
        activity=activity,
        name=name,
        email=email,
        status=status,
        consent=record_consent(email=email, ip="127.0.0.1", at=timezone.now()),
        registered_at=timezone.now(),
    )
