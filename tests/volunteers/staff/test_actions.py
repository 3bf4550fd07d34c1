"""Pause, reactivate and end, each through a service, audited and told to the volunteer;
pause and end ask for confirmation first (a second post, no JavaScript)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from esit.activities.services import signups
from esit.activities.services.errors import ActivityError
from esit.audit.models import AuditEvent
from esit.notifications import preferences
from esit.volunteers import services
from esit.volunteers.models import Volunteer
from tests import factories

from .conftest import detail_url, make_volunteer

pytestmark = pytest.mark.django_db


def _post(client, volunteer, action, data=None, *, confirmed=True):
    data = dict(data or {})
    if confirmed:
        data["confirmed"] = "yes"
    return client.post(f"{detail_url(volunteer)}{action}/", data)


def test_pausing_asks_for_confirmation_first(coordinator_client):
    ayse = make_volunteer()
    response = _post(coordinator_client, ayse, "pause", confirmed=False)
    assert response.status_code == 200
    assert 'name="confirmed" value="yes"' in response.content.decode()
    ayse.refresh_from_db()
    assert ayse.status == Volunteer.Status.ACTIVE


def test_a_paused_volunteer_is_told_audited_and_cannot_sign_up(
    coordinator_client, coordinator, run_on_commit
):
    ayse = make_volunteer()
    with run_on_commit():
        response = _post(coordinator_client, ayse, "pause")
    assert response.status_code == 302
    ayse.refresh_from_db()
    assert ayse.status == Volunteer.Status.PAUSED
    assert ayse.paused_at is not None
    event = AuditEvent.objects.get(action="volunteers.paused")
    assert (event.actor, event.person_id) == (coordinator, str(ayse.pk))
    assert [message.to for message in mail.outbox] == [[ayse.user.email]]
    with pytest.raises(ActivityError):
        signups.sign_up(volunteer=ayse, shift=factories.ShiftFactory())


def test_pausing_keeps_her_history_and_sign_ups(coordinator):
    ayse = make_volunteer()
    signup = factories.SignUpFactory(volunteer=ayse)
    factories.HoursEntryFactory(volunteer=ayse, status="approved")
    services.pause_volunteer(volunteer=ayse, by=coordinator)
    signup.refresh_from_db()
    assert signup.status == "confirmed"
    assert ayse.hours.count() == 1


def test_a_paused_volunteer_keeps_her_profile_page(client, coordinator):
    ayse = make_volunteer()
    services.pause_volunteer(volunteer=ayse, by=coordinator)
    client.force_login(ayse.user)
    html = client.get("/me/").content.decode()
    assert 'id="paused"' in html
    assert client.get("/me/profile/").status_code == 200


def test_only_an_active_volunteer_is_paused(coordinator):
    ayse = make_volunteer(status="paused")
    with pytest.raises(services.VolunteerError):
        services.pause_volunteer(volunteer=ayse, by=coordinator)


def test_reactivating_lets_her_sign_up_again(coordinator_client, run_on_commit):
    ayse = make_volunteer(status="paused")
    with run_on_commit():
        assert _post(coordinator_client, ayse, "reactivate", confirmed=False).status_code == 302
    ayse.refresh_from_db()
    assert ayse.status == Volunteer.Status.ACTIVE
    assert ayse.paused_at is None
    assert AuditEvent.objects.filter(action="volunteers.reactivated").count() == 1
    assert len(mail.outbox) == 1
    signups.sign_up(volunteer=ayse, shift=factories.ShiftFactory())


def test_ending_needs_a_reason_shown_next_to_the_field(coordinator_client):
    ayse = make_volunteer()
    response = _post(coordinator_client, ayse, "end", {"reason": "  "}, confirmed=False)
    assert response.status_code == 200
    assert response.context["end_form"].errors["reason"]
    ayse.refresh_from_db()
    assert ayse.status == Volunteer.Status.ACTIVE


def test_ending_asks_for_confirmation_and_keeps_the_reason(coordinator_client):
    ayse = make_volunteer()
    reason = {"reason": "Kurallara <uymadı>"}
    response = _post(coordinator_client, ayse, "end", reason, confirmed=False)
    html = response.content.decode()
    assert 'name="reason" value="Kurallara &lt;uymadı&gt;"' in html
    ayse.refresh_from_db()
    assert ayse.status == Volunteer.Status.ACTIVE


def test_ending_frees_her_places_as_leaving_does(coordinator_client, run_on_commit):
    ayse, other = make_volunteer(), make_volunteer("Zehra", "Acar")
    shift = factories.ShiftFactory(capacity=1)
    held = factories.SignUpFactory(volunteer=ayse, shift=shift)
    waiting = factories.SignUpFactory(volunteer=other, shift=shift, status="waitlisted")
    with run_on_commit():
        response = _post(coordinator_client, ayse, "end", {"reason": "Taşındı."})
    assert response.status_code == 302
    ayse.refresh_from_db()
    assert ayse.status == Volunteer.Status.WITHDRAWN
    assert ayse.end_reason == "Taşındı."
    held.refresh_from_db()
    waiting.refresh_from_db()
    assert (held.status, waiting.status) == ("cancelled", "confirmed")
    assert not preferences.wants(ayse.user, "volunteers.staff_message")
    ended = [m for m in mail.outbox if m.to == [ayse.user.email]]
    assert len(ended) == 1
    assert "Taşındı." in ended[0].body


def test_the_audit_keeps_the_reason_s_length_not_its_words(coordinator):
    ayse = make_volunteer()
    services.end_volunteer(volunteer=ayse, by=coordinator, reason="Gizli bir gerekçe")
    event = AuditEvent.objects.get(action="volunteers.ended")
    assert "Gizli" not in event.summary
    assert "17" in event.summary


def test_a_service_refuses_staff_without_the_capability(volunteer):
    ayse = make_volunteer()
    with pytest.raises(PermissionDenied):
        services.pause_volunteer(volunteer=ayse, by=volunteer.user)


def test_a_service_refuses_a_volunteer_outside_the_scope(translation_coordinator):
    researcher = make_volunteer(areas=[factories.area("field-research")])
    with pytest.raises(PermissionDenied):
        services.pause_volunteer(volunteer=researcher, by=translation_coordinator)
    with pytest.raises(PermissionDenied):
        services.end_volunteer(volunteer=researcher, by=translation_coordinator, reason="x")


def test_actions_outside_the_scope_are_404(scoped_client):
    researcher = make_volunteer(areas=[factories.area("field-research")])
    for action in ("pause", "reactivate", "end", "message"):
        assert _post(scoped_client, researcher, action, {"reason": "x"}).status_code == 404
    researcher.refresh_from_db()
    assert researcher.status == Volunteer.Status.ACTIVE


def test_a_volunteer_ended_by_staff_can_come_back_through_an_application(coordinator):
    from esit.applications import services as applications

    ayse = make_volunteer()
    services.end_volunteer(volunteer=ayse, by=coordinator, reason="Ara verdi.")
    application = factories.ApplicationFactory(email=ayse.user.email)
    applications.approve_application(application=application, by=coordinator)
    ayse.refresh_from_db()
    assert (ayse.status, ayse.end_reason) == (Volunteer.Status.ACTIVE, "")


def test_a_paused_volunteer_is_not_enrolled_again_by_an_application(coordinator):
    from esit.applications import services as applications

    ayse = make_volunteer()
    services.pause_volunteer(volunteer=ayse, by=coordinator)
    application = factories.ApplicationFactory(email=ayse.user.email, phone="+905559998877")
    with pytest.raises(applications.ApplicationError):
        applications.approve_application(application=application, by=coordinator)
    ayse.refresh_from_db()
    assert ayse.status == Volunteer.Status.PAUSED


def test_a_paused_volunteer_posting_a_sign_up_is_turned_away(client, coordinator):
    ayse = make_volunteer()
    shift = factories.ShiftFactory()
    services.pause_volunteer(volunteer=ayse, by=coordinator)
    client.force_login(ayse.user)
    response = client.post(f"/activities/shifts/{shift.pk}/sign-up/", follow=True)
    assert not ayse.signups.exists()
    assert "duraklatıldığı" in response.content.decode()
