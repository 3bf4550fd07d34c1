"""A handler who raises a concern herself does not handle it: she follows it on /me/safety/
like any volunteer, it is not on her staff list nor page, and she is not told of it as a
handler; another handler handles it."""

import pytest
from django.core import mail

from esit.safety import services
from esit.safety.models import Concern
from tests import factories

from .conftest import ABOUT, WHAT, designate

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_handler(db):
    return designate(factories.StaffFactory(role="coordinator", email="ikinci@example.org"))


@pytest.fixture
def own(handler, run_on_commit):
    with run_on_commit():
        return services.raise_concern(by=handler, what_happened=WHAT, about=ABOUT, consent=True)


def test_she_is_not_told_of_her_own_concern_as_a_handler(handler, other_handler, own):
    assert [message.to for message in mail.outbox] == [[other_handler.email]]


def test_her_own_concern_is_not_on_her_staff_pages(handler_client, own):
    assert handler_client.get(f"/staff/safety/{own.pk}/").status_code == 404
    assert handler_client.post(f"/staff/safety/{own.pk}/acknowledge/").status_code == 404
    assert f"/staff/safety/{own.pk}/" not in handler_client.get("/staff/safety/").content.decode()
    own.refresh_from_db()
    assert own.status == Concern.Status.RECEIVED


def test_the_services_refuse_her_own_concern(handler, own):
    with pytest.raises(services.SafetyError):
        services.record_reading(concern=own, reader=handler)
    with pytest.raises(services.SafetyError):
        services.acknowledge(concern=own, by=handler)
    with pytest.raises(services.SafetyError):
        services.close(concern=own, by=handler, outcome=Concern.Outcome.values[0])


def test_another_handler_handles_it(client, other_handler, own):
    client.force_login(other_handler)

    assert client.get(f"/staff/safety/{own.pk}/").status_code == 200
    services.acknowledge(concern=own, by=other_handler)
    own.refresh_from_db()
    assert own.status == Concern.Status.ACKNOWLEDGED
