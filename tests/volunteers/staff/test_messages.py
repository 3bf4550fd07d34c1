"""Staff write to one volunteer or to the directory's filtered selection, through the
notifications app: an optional kind, so preferences and leaving are honoured; audited."""

import pytest
from django.core import mail

from esit.audit.models import AuditEvent
from esit.notifications import preferences
from esit.notifications.models import Delivery
from tests import factories

from .conftest import detail_url, make_volunteer

pytestmark = pytest.mark.django_db

MESSAGE = {"subject": "Yarınki atölye", "body": "Salon değişti: <b>Konak</b> Kültür Merkezi."}


def test_a_message_to_one_volunteer(coordinator_client, coordinator, run_on_commit):
    ayse = make_volunteer()
    with run_on_commit():
        response = coordinator_client.post(f"{detail_url(ayse)}message/", MESSAGE)
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [ayse.user.email]
    assert message.subject.endswith("Yarınki atölye")
    assert "Salon değişti: <b>Konak</b> Kültür Merkezi." in message.body
    event = AuditEvent.objects.get(action="volunteers.messaged")
    assert (event.actor, event.person_id) == (coordinator, str(ayse.pk))
    assert "Konak" not in event.summary


def test_an_empty_message_is_refused_next_to_the_field_and_kept(coordinator_client):
    ayse = make_volunteer()
    response = coordinator_client.post(f"{detail_url(ayse)}message/", {"subject": "Konu"})
    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    assert 'value="Konu"' in response.content.decode()
    assert not Delivery.objects.exists()


def test_a_selection_is_told_its_size_then_asked_to_confirm(coordinator_client):
    make_volunteer(areas=[factories.area("translation")])
    make_volunteer("Zehra", "Acar", areas=[factories.area("workshops")])
    url = f"/staff/volunteers/message/?area={factories.area('translation').pk}"
    assert coordinator_client.get(url).context["recipients"] == 1
    response = coordinator_client.post(url, MESSAGE)
    assert 'name="confirmed" value="yes"' in response.content.decode()
    assert not Delivery.objects.exists()


def test_a_selection_reaches_the_filtered_volunteers_who_want_it(coordinator_client, run_on_commit):
    translation = factories.area("translation")
    wants = make_volunteer(areas=[translation])
    turned_off = make_volunteer("Sena", "Koç", areas=[translation])
    preferences.set_preference(
        user=turned_off.user, kind_key="volunteers.staff_message", enabled=False
    )
    make_volunteer("Ece", "Can", areas=[translation], status="withdrawn")
    make_volunteer("Zehra", "Acar", areas=[factories.area("workshops")])
    url = f"/staff/volunteers/message/?area={translation.pk}"
    with run_on_commit():
        response = coordinator_client.post(url, {**MESSAGE, "confirmed": "yes"})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[wants.user.email]]
    assert Delivery.objects.count() == 2  # the one turned off is recorded, not sent
    assert "2" in AuditEvent.objects.get(action="volunteers.messaged").summary


def test_a_selection_never_reaches_outside_the_scope(scoped_client, run_on_commit):
    inside = make_volunteer(areas=[factories.area("translation")])
    make_volunteer("Zehra", "Acar", areas=[factories.area("field-research")])
    with run_on_commit():
        scoped_client.post("/staff/volunteers/message/", {**MESSAGE, "confirmed": "yes"})
    assert [message.to for message in mail.outbox] == [[inside.user.email]]
