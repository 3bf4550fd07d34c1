"""/staff/volunteers/<id>/: her profile and what the other apps know of her, each opening
written to the audit trail."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from esit.audit.models import AuditEvent
from esit.notifications.services import Recipient, notify
from tests import factories

from .conftest import detail_url, make_volunteer

pytestmark = pytest.mark.django_db


def test_opening_a_volunteer_writes_an_audit_record(coordinator_client, coordinator):
    ayse = make_volunteer()
    assert coordinator_client.get(detail_url(ayse)).status_code == 200
    event = AuditEvent.objects.get(action="volunteers.viewed")
    assert event.actor == coordinator
    assert (event.person_type, event.person_id) == ("volunteers.volunteer", str(ayse.pk))


def test_an_unknown_volunteer_is_404(coordinator_client):
    assert coordinator_client.get("/staff/volunteers/999999/").status_code == 404
    assert not AuditEvent.objects.filter(action="volunteers.viewed").exists()


def test_the_page_shows_her_profile_escaped(coordinator_client):
    ayse = make_volunteer("<b>Ayşe</b>", "Yılmaz", phone="+905321234567")
    html = coordinator_client.get(detail_url(ayse)).content.decode()
    assert "&lt;b&gt;Ayşe&lt;/b&gt;" in html
    assert "<b>Ayşe</b>" not in html
    assert "0532 123 45 67" in html
    assert "Pazartesi: Sabah, Akşam" in html  # the factory's week: Monday morning and evening


def test_the_page_shows_the_sections_of_activities(coordinator_client):
    ayse = make_volunteer()
    signup = factories.SignUpFactory(volunteer=ayse, attendance="attended")
    factories.HoursEntryFactory(volunteer=ayse, hours=5, status="approved")
    html = coordinator_client.get(detail_url(ayse)).content.decode()
    assert 'id="signups"' in html
    assert signup.shift.activity.title_tr in html
    assert 'id="hours"' in html
    assert 'id="tasks"' in html
    assert 'id="certificates"' in html


def test_the_page_shows_the_application_and_its_decisions(coordinator_client, coordinator):
    from esit.applications import services as applications

    application = factories.ApplicationFactory(first_name="Deniz", last_name="Er")
    applications.approve_application(application=application, by=coordinator)
    volunteer = application.volunteer
    html = coordinator_client.get(detail_url(volunteer)).content.decode()
    assert 'id="application"' in html
    assert f'href="/staff/applications/{application.pk}/"' in html


def test_the_page_shows_the_messages_sent_to_her(coordinator_client, run_on_commit):
    ayse = make_volunteer()
    notify("volunteers.paused", obj=ayse, to=Recipient.of_user(ayse.user))
    html = coordinator_client.get(detail_url(ayse)).content.decode()
    assert 'id="deliveries"' in html
    assert "Gönüllülük duraklatıldı" in html


def test_a_coordinator_without_the_audit_capability_sees_no_audit_records(
    coordinator_client, coordinator
):
    ayse = make_volunteer()
    assert not coordinator.has_perm("audit.read_audit_log")  # administrators only, by default
    assert 'id="audit"' not in coordinator_client.get(detail_url(ayse)).content.decode()


def test_a_coordinator_given_the_audit_capability_sees_them(client, coordinator):
    ayse = make_volunteer()
    coordinator.user_permissions.add(Permission.objects.get(codename="read_audit_log"))
    client.force_login(coordinator)
    assert 'id="audit"' in client.get(detail_url(ayse)).content.decode()


def test_an_administrator_sees_the_audit_records(client, administrator):
    ayse = make_volunteer()
    client.force_login(administrator)
    client.get(detail_url(ayse))
    html = client.get(detail_url(ayse)).content.decode()
    assert 'id="audit"' in html
    assert "Gönüllü sayfası açıldı" in html


def _history(volunteer, count: int) -> None:
    for _n in range(count):
        factories.SignUpFactory(volunteer=volunteer, attendance="attended")
        factories.HoursEntryFactory(volunteer=volunteer, hours=1, status="approved")


def test_the_page_runs_a_fixed_number_of_queries(coordinator_client, django_assert_num_queries):
    ayse = make_volunteer()
    _history(ayse, 2)
    coordinator_client.get(detail_url(ayse))
    with CaptureQueriesContext(connection) as small:
        coordinator_client.get(detail_url(ayse))
    _history(ayse, 10)
    with django_assert_num_queries(len(small.captured_queries)):
        coordinator_client.get(detail_url(ayse))
