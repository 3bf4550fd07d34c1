"""The application journey writes its steps to the audit trail: who looked, who decided."""

from esit.applications import services
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
