"""That a volunteer used the safety channel is as confidential as what she wrote: the
channel's messages to her stay out of her delivery history for staff who do not handle
concerns (the volunteer's staff page, the application page), as its audit events do."""

import pytest

from esit.notifications.models import Delivery
from esit.safety import services
from tests import factories

pytestmark = pytest.mark.django_db

SAFETY_LABEL = "Güvenlik bildiriminizde gelişme"


@pytest.fixture
def acknowledged(concern, handler, run_on_commit):
    with run_on_commit():
        services.acknowledge(concern=concern, by=handler)
    assert Delivery.objects.filter(kind="safety.concern_update").count() == 1
    return concern


@pytest.fixture
def application(volunteer):
    return factories.ApplicationFactory(email=volunteer.user.email, user=volunteer.user)


def pages(volunteer, application) -> list[str]:
    return [f"/staff/volunteers/{volunteer.pk}/", f"/staff/applications/{application.pk}/"]


def test_a_coordinator_without_the_capability_does_not_see_the_channels_messages(
    coordinator_client, volunteer, application, acknowledged
):
    for url in pages(volunteer, application):
        response = coordinator_client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert SAFETY_LABEL not in page, url


def test_a_handler_sees_them(client, handler, volunteer, application, acknowledged):
    client.force_login(handler)
    for url in pages(volunteer, application):
        response = client.get(url)
        assert response.status_code == 200, url
        assert SAFETY_LABEL in response.content.decode(), url


def test_the_selector_leaves_them_out_for_a_reader_without_the_capability(
    coordinator, handler, volunteer, acknowledged
):
    from esit.notifications.selectors import delivery_history

    def kinds(reader):
        return [
            entry.delivery.kind for entry in delivery_history(reader=reader, user=volunteer.user)
        ]

    assert "safety.concern_update" not in kinds(coordinator)
    assert "safety.concern_update" not in kinds(None)
    assert "safety.concern_update" in kinds(handler)
