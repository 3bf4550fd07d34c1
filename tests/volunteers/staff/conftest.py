"""Helpers for the staff pages about volunteers."""

import re

import pytest

from tests import factories
from tests.accounts.test_scope import scoped

LIST = "/staff/volunteers/"


def detail_url(volunteer) -> str:
    return f"/staff/volunteers/{volunteer.pk}/"


def listed(response) -> list[int]:
    """The volunteers of the page, in the order shown (read from the page: its rows may come
    from the kept copy, rendered by an earlier request)."""
    rows = re.findall(r'<th scope="row"><a href="/staff/volunteers/(\d+)/">', response.text)
    return [int(pk) for pk in rows]


def make_volunteer(first_name="Ayşe", last_name="Yılmaz", **kwargs):
    user = factories.UserFactory(first_name=first_name, last_name=last_name)
    return factories.VolunteerFactory(user=user, **kwargs)


@pytest.fixture
def translation_coordinator(db):
    return scoped(factories.StaffFactory(role="coordinator"), areas=["translation"])


@pytest.fixture
def scoped_client(client, translation_coordinator):
    client.force_login(translation_coordinator)
    return client
