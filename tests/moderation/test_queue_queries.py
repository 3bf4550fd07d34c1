"""The queue's queries do not grow with the content on it (STYLE: queries are planned)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from esit.moderation.services import report_content
from tests import factories

pytestmark = pytest.mark.django_db


def queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def add_reported(count: int) -> None:
    reporter = factories.VolunteerFactory().user
    for number in range(count):
        author = factories.VolunteerFactory().user
        resource = factories.resource(by=author, title=f"Kaynak {number}")
        report_content(reporter=reporter, content=resource, reason="spam")


def test_the_queue_costs_the_same_for_two_or_six_pieces_of_content(coordinator_client):
    add_reported(2)
    queue = reverse("moderation:queue")
    few = queries(coordinator_client, queue)
    add_reported(4)
    assert queries(coordinator_client, queue) == few
