"""/staff/privacy/requests/: requests that came by petition, e-mail, KEP, phone or in person
are logged with their legal deadline (30 days), reminded a week before, answered on record."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from esit.audit.models import AuditEvent
from esit.kvkk import requests
from esit.kvkk.models import DataRequest
from tests import factories

URL = "/staff/privacy/requests/"


def valid_post(**changes):
    data = {
        "kind": "erasure",
        "channel": "petition",
        "received_on": timezone.localdate().isoformat(),
        "requester_name": "Şükran Işık",
        "requester_email": "sukran@example.org",
        "requester_phone": "",
        "summary": "Dilekçeyle bütün kayıtlarının silinmesini istiyor.",
    }
    data.update(changes)
    return data


@pytest.fixture
def handler(db):
    return factories.StaffFactory(role="administrator")


@pytest.fixture
def handler_client(client, handler):
    client.force_login(handler)
    return client


def test_a_logged_request_gets_the_legal_deadline_and_an_audit_event(handler_client):
    response = handler_client.post(f"{URL}new/", valid_post())

    logged = DataRequest.objects.get()
    assert response.status_code == 302
    assert logged.deadline == logged.received_on + datetime.timedelta(days=30)
    assert logged.status == DataRequest.Status.OPEN
    assert AuditEvent.objects.filter(action="kvkk.request_logged", object_id=str(logged.pk))


def test_a_request_without_any_way_to_answer_is_refused_next_to_the_field(handler_client):
    response = handler_client.post(f"{URL}new/", valid_post(requester_email=""))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Yanıt verebilmek için bir e-posta adresi ya da telefon yazın." in html
    assert "Şükran Işık" in html  # what was typed stays
    assert not DataRequest.objects.exists()


def test_a_request_cannot_be_received_in_the_future(handler_client):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = handler_client.post(f"{URL}new/", valid_post(received_on=tomorrow))

    assert "Alındığı gün gelecekte olamaz." in response.content.decode()
    assert not DataRequest.objects.exists()


def test_the_answer_is_recorded_once(handler_client, handler):
    logged = requests.log_request(by=handler, **_fields())

    response = handler_client.post(
        f"{URL}{logged.pk}/", {"answer": "Kayıtları silindi, 3 Aralık'ta yazıyla bildirildi."}
    )

    logged.refresh_from_db()
    assert response.status_code == 302
    assert logged.status == DataRequest.Status.ANSWERED
    assert logged.answered_by == handler
    assert AuditEvent.objects.filter(action="kvkk.request_answered").count() == 1
    with pytest.raises(requests.RequestError):
        requests.answer_request(request=logged, by=handler, answer="ikinci", refused=False)


def test_coordinators_without_the_capability_neither_see_nor_log(coordinator_client, coordinator):
    assert coordinator_client.get(URL).status_code == 403
    assert coordinator_client.post(f"{URL}new/", valid_post()).status_code == 403
    with pytest.raises(PermissionDenied):
        requests.log_request(by=coordinator, **_fields())


def test_the_list_marks_overdue_requests(handler_client, handler):
    old = requests.log_request(
        by=handler, **_fields(received_on=timezone.localdate() - datetime.timedelta(days=40))
    )

    html = handler_client.get(URL).content.decode()

    assert old.requester_name in html
    assert "Süresi geçti" in html


def test_handlers_are_reminded_once_a_week_before_the_deadline(handler, run_on_commit):
    soon = requests.log_request(
        by=handler, **_fields(received_on=timezone.localdate() - datetime.timedelta(days=24))
    )
    requests.log_request(by=handler, **_fields(requester_email="yeni@example.org"))

    with run_on_commit():
        assert requests.remind_due() == 1
    with run_on_commit():
        assert requests.remind_due() == 0

    reminders = [m for m in mail.outbox if m.to == [handler.email]]
    assert len(reminders) == 1
    assert soon.deadline.strftime("%Y") in reminders[0].subject
    assert f"/staff/privacy/requests/{soon.pk}/" in reminders[0].body


def test_erasing_the_requester_removes_her_from_the_register(handler):
    from esit.kvkk import services

    logged = requests.log_request(by=handler, **_fields())
    services.erase(services.subject_of_addresses(email="sukran@example.org"), actor=handler)

    logged.refresh_from_db()
    assert logged.requester_email == ""
    assert logged.requester_name != "Şükran Işık"
    assert logged.received_on  # the dates still prove it was answered in time


def _fields(**changes):
    fields = {
        "kind": DataRequest.Kind.ERASURE,
        "channel": DataRequest.Channel.PETITION,
        "received_on": timezone.localdate(),
        "requester_name": "Şükran Işık",
        "requester_email": "sukran@example.org",
        "requester_phone": "",
        "summary": "Silinme talebi.",
    }
    fields.update(changes)
    return fields
