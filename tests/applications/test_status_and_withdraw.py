"""/apply/status/<token>/: the applicant's private page, where they can withdraw."""

import pytest
from django.core import mail

from esit.applications.models import Application, Decision
from tests import factories

from .conftest import field_error

pytestmark = pytest.mark.django_db

WITHDRAWN_FLASH = "Başvurunuz geri çekildi. Size bir onay e-postası gönderdik."


def _url(application):
    return f"/apply/status/{application.status_token}/"


def test_status_page_shows_the_status(client):
    application = factories.ApplicationFactory()
    response = client.get(_url(application))
    assert response.status_code == 200
    body = response.content.decode()
    assert "İnceleniyor" in body
    assert application.full_name in body


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (Application.Status.WAITLISTED, "Bekleme listesinde"),
        (Application.Status.APPROVED, "Onaylandı"),
        (Application.Status.REJECTED, "Olumsuz sonuçlandı"),
        (Application.Status.WITHDRAWN, "Geri çekildi"),
    ],
)
def test_status_page_shows_every_status(client, status, label):
    application = factories.ApplicationFactory(status=status)
    assert label in client.get(_url(application)).content.decode()


def test_status_page_shows_the_reason_of_a_rejection(client):
    application = factories.ApplicationFactory(
        status=Application.Status.REJECTED, decision_reason="Kontenjan doldu."
    )
    assert "Kontenjan doldu." in client.get(_url(application)).content.decode()


def test_status_page_is_not_indexed_or_cached(client):
    response = client.get(_url(factories.ApplicationFactory()))
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "no-store" in response.headers["Cache-Control"]


def test_status_page_keeps_its_address_from_other_sites_by_the_same_origin_policy(client):
    # Not `no-referrer`: Chromium would post the page's forms with `Origin: null` (403).
    response = client.get(_url(factories.ApplicationFactory()))
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_unknown_status_token_is_404(client):
    factories.ApplicationFactory()
    assert client.get("/apply/status/no-such-token/").status_code == 404


def test_open_application_offers_the_withdraw_form(client):
    body = client.get(_url(factories.ApplicationFactory())).content.decode()
    assert 'name="confirm"' in body


def test_closed_application_offers_no_withdraw_form(client):
    application = factories.ApplicationFactory(status=Application.Status.REJECTED)
    assert 'name="confirm"' not in client.get(_url(application)).content.decode()


def test_withdraw_without_the_confirm_checkbox_changes_nothing(client, run_on_commit):
    application = factories.ApplicationFactory()
    with run_on_commit():
        response = client.post(_url(application), {})
    assert response.status_code == 200
    assert field_error(response, "confirm") == (
        "Geri çekmek için lütfen onay kutusunu işaretleyin."
    )
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert not application.decisions.exists()
    assert mail.outbox == []


def test_withdraw_with_confirmation_withdraws_the_application(client):
    application = factories.ApplicationFactory()
    response = client.post(_url(application), {"confirm": "on"}, follow=True)
    assert response.redirect_chain == [(_url(application), 302)]
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert application.decided_at is not None
    assert WITHDRAWN_FLASH in response.content.decode()


def test_withdraw_records_a_decision_of_kind_withdraw_by_nobody_on_staff(client):
    application = factories.ApplicationFactory()
    client.post(_url(application), {"confirm": "on"})
    decision = Decision.objects.get(application=application)
    assert decision.kind == Decision.Kind.WITHDRAW
    assert decision.decided_by is None


def test_withdraw_emails_a_confirmation(client, run_on_commit):
    application = factories.ApplicationFactory()
    with run_on_commit():
        client.post(_url(application), {"confirm": "on"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [application.email]
    assert mail.outbox[0].subject == "Eşit İzmir · Başvurunuz geri çekildi"


def test_a_second_withdraw_changes_nothing(client, run_on_commit):
    application = factories.ApplicationFactory()
    client.post(_url(application), {"confirm": "on"})
    application.refresh_from_db()
    withdrawn_at = application.decided_at
    with run_on_commit():
        response = client.post(_url(application), {"confirm": "on"}, follow=True)
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert application.decided_at == withdrawn_at
    assert application.decisions.count() == 1
    assert mail.outbox == []
    assert "Bu başvuru artık geri çekilemez." in response.content.decode()


@pytest.mark.parametrize("status", [Application.Status.APPROVED, Application.Status.REJECTED])
def test_a_decided_application_cannot_be_withdrawn(client, status):
    application = factories.ApplicationFactory(status=status)
    client.post(_url(application), {"confirm": "on"})
    application.refresh_from_db()
    assert application.status == status
    assert not application.decisions.exists()


def test_a_waitlisted_application_can_be_withdrawn(client):
    application = factories.ApplicationFactory(status=Application.Status.WAITLISTED)
    client.post(_url(application), {"confirm": "on"})
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN


def test_after_withdrawing_the_person_can_apply_again(client, valid_data):
    application = factories.ApplicationFactory(
        email="ayse.yilmaz@example.org", phone="+905321234567"
    )
    client.post(_url(application), {"confirm": "on"})
    response = client.post("/apply/", valid_data())
    assert response.status_code == 302
    assert Application.objects.open().get().pk != application.pk
