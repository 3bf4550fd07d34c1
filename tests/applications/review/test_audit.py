"""The application journey writes its steps to the audit trail: who looked, who decided."""

from esit.applications import services
from esit.applications.models import Application
from esit.audit.models import AuditEvent
from tests import factories
from tests.applications.review.conftest import detail_url


def events_about(application):
    return list(AuditEvent.objects.about(application).order_by("id"))


def test_opening_an_application_is_recorded(coordinator_client, coordinator):
    application = factories.ApplicationFactory()

    coordinator_client.get(detail_url(application))

    (event,) = events_about(application)
    assert (event.action, event.actor) == ("applications.viewed", coordinator)
    assert event.client_address  # hashed by default, never the address itself


def test_each_decision_is_recorded_in_words_without_the_reason_itself(coordinator):
    application = factories.ApplicationFactory()
    reason = "Ayşe Hanım'ın telefonla verdiği bilgiye göre program uygun değil."

    services.reject_application(application=application, by=coordinator, reason=reason)

    (event,) = events_about(application)
    assert event.action == "applications.rejected"
    assert event.actor == coordinator
    assert "Ayşe" not in event.summary
    assert str(len(reason)) in event.summary


def test_a_correction_by_the_applicant_names_the_fields_not_their_values(db):
    application = factories.ApplicationFactory(phone="+905321234567")

    services.correct_application(
        application=application,
        email=application.email,
        phone="+905329876543",
        district=application.district,
        areas=list(application.areas.all()),
        languages=[],
        availability=application.availability,
    )

    event = AuditEvent.objects.get(action="applications.corrected")
    assert event.actor is None
    assert "phone" in event.summary
    assert "9876543" not in event.summary


def test_a_staff_note_is_recorded_without_its_text(coordinator):
    application = factories.ApplicationFactory()
    services.add_note(application=application, author=coordinator, body="Gizli not metni")
    event = AuditEvent.objects.get(action="applications.note_added")
    assert "Gizli" not in event.summary


def test_the_application_page_shows_the_messages_sent_to_the_applicant(
    coordinator_client, client, valid_data, run_on_commit
):
    with run_on_commit():
        client.post("/apply/", valid_data(email="ipek.kaya@example.org"))
    application = Application.objects.get(email="ipek.kaya@example.org")

    html = coordinator_client.get(detail_url(application)).content.decode()

    assert "Gönderilen bildirimler" in html
    assert "ipek.kaya@example.org" in html.split('id="deliveries"')[1]


def test_only_those_who_read_the_audit_log_see_it_on_the_application_page(
    coordinator_client, client, administrator
):
    application = factories.ApplicationFactory()
    assert 'id="audit"' not in coordinator_client.get(detail_url(application)).content.decode()

    client.force_login(administrator)
    html = client.get(detail_url(application)).content.decode()
    assert 'id="audit"' in html
    assert "Başvuru sayfası açıldı." in html
