"""The confidential safety channel: a volunteer raises a concern, only designated staff read
it (each reading audited), the statuses follow, the e-mails carry no word of it."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.audit.models import AuditEvent
from esit.safety import services
from esit.safety.models import Concern, ConcernEntry
from tests import factories

from .conftest import ABOUT, WHAT, designate

pytestmark = pytest.mark.django_db

MINE = "/me/safety/"
LIST = "/staff/safety/"


def detail(concern) -> str:
    return f"/staff/safety/{concern.pk}/"


def form(**changes):
    return {
        "what_happened": WHAT,
        "about": ABOUT,
        "link": "",
        "happened_when": "",
        "contact": "none",
        "contact_how": "",
        "consent": "on",
    } | changes


def test_a_volunteer_raises_a_concern(volunteer_client, volunteer, handler, run_on_commit):
    with run_on_commit():
        response = volunteer_client.post(MINE, form(contact="email"))

    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.raised_by == volunteer.user
    assert concern.what_happened == WHAT
    assert concern.status == Concern.Status.RECEIVED
    assert concern.acknowledge_by > concern.raised_at
    assert AuditEvent.objects.filter(action="safety.concern_raised").count() == 1
    page = volunteer_client.get(MINE).content.decode()
    assert "Alındı" in page
    assert "ısrarla mesaj attı" in page


def test_the_designated_staff_are_told_without_the_text(
    volunteer_client, handler, coordinator, administrator, run_on_commit
):
    with run_on_commit():
        volunteer_client.post(MINE, form())

    assert [message.to for message in mail.outbox] == [[handler.email]]
    message = mail.outbox[0]
    assert f"/staff/safety/{Concern.objects.get().pk}/" in message.body
    for text in (WHAT, ABOUT, "Mehmet", "mesaj"):
        assert text not in message.body
        assert text not in message.subject


def test_errors_stand_next_to_their_field_and_what_was_typed_is_kept(volunteer_client, handler):
    response = volunteer_client.post(
        MINE, form(what_happened="x" * 5001, contact="phone", about="Mehmet")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_what_happened_error"' in page
    assert "Mehmet" in page
    assert Concern.objects.count() == 0


def test_phone_contact_needs_a_way_to_reach_her(volunteer_client, handler):
    response = volunteer_client.post(MINE, form(contact="phone"))
    assert 'id="id_contact_how_error"' in response.content.decode()
    assert Concern.objects.count() == 0


def test_the_texts_are_encrypted_at_rest(concern):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT what_happened, about, link, happened_when FROM safety_concern WHERE id = %s",
            [concern.pk],
        )
        row = cursor.fetchone()
    for stored in row:
        assert stored.startswith("gAAAA")  # a Fernet token
    assert not any(word in " ".join(row) for word in ("mesaj", "Mehmet", "example.org", "salı"))


def test_designated_staff_read_it_and_each_reading_is_audited(handler_client, handler, concern):
    for _time in range(2):
        page = handler_client.get(detail(concern)).content.decode()
        assert "ısrarla mesaj attı" in page

    readings = AuditEvent.objects.filter(action="safety.concern_read", actor=handler)
    assert readings.count() == 2
    for event in readings:
        assert "mesaj" not in event.summary
        assert "Mehmet" not in event.summary


def test_the_list_reads_no_text_and_is_not_a_reading(handler_client, concern):
    page = handler_client.get(LIST).content.decode()
    assert f'href="{detail(concern)}"' in page
    assert "Mehmet" not in page
    assert not AuditEvent.objects.filter(action="safety.concern_read").exists()


def test_the_list_filters_by_status(handler_client, handler, volunteer, concern):
    other = services.raise_concern(by=volunteer.user, what_happened="x", about="y", consent=True)
    services.acknowledge(concern=other, by=handler)

    page = handler_client.get(LIST, {"status": "acknowledged"}).content.decode()
    assert f'href="{detail(other)}"' in page
    assert f'href="{detail(concern)}"' not in page


def test_an_unacknowledged_concern_past_two_working_days_is_overdue(handler_client, concern):
    Concern.objects.filter(pk=concern.pk).update(
        acknowledge_by=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert "Süresi geçti" in handler_client.get(LIST).content.decode()


def test_two_working_days_skip_the_weekend():
    friday = timezone.make_aware(datetime.datetime(2026, 12, 4, 15, 0))
    assert services.working_days_after(friday, 2).date() == datetime.date(2026, 12, 8)


@pytest.mark.parametrize("persona", ["coordinator", "administrator"])
def test_staff_without_the_capability_find_nothing(request, client, persona, concern):
    client.force_login(request.getfixturevalue(persona))

    for url in (LIST, detail(concern)):
        assert client.get(url).status_code == 404
    assert client.post(f"{detail(concern)}acknowledge/").status_code == 404
    assert "/staff/safety/" not in client.get("/staff/").content.decode()
    assert not AuditEvent.objects.filter(action="safety.concern_read").exists()


def test_the_menu_shows_the_channel_to_designated_staff(handler_client):
    assert 'href="/staff/safety/"' in handler_client.get("/staff/").content.decode()


def test_another_volunteer_sees_nothing_of_it(client, concern):
    other = factories.VolunteerFactory()
    client.force_login(other.user)
    page = client.get(MINE).content.decode()
    assert "Mehmet" not in page
    assert client.get(detail(concern)).status_code in (403, 404)


def test_no_role_holds_the_capability_by_default(coordinator, administrator):
    assert not coordinator.has_perm(services.HANDLE)
    assert not administrator.has_perm(services.HANDLE)
    assert list(services.handlers()) == []


def test_an_administrator_gives_it_through_the_team_page(client, administrator, coordinator):
    client.force_login(administrator)
    response = client.post(
        f"/staff/team/{coordinator.pk}/capabilities/", {"granted": [services.HANDLE]}
    )
    assert response.status_code == 302
    assert list(services.handlers()) == [coordinator]


def test_the_statuses_follow_the_handling(
    handler_client, handler, volunteer, concern, run_on_commit
):
    with run_on_commit():
        handler_client.post(f"{detail(concern)}acknowledge/")
    concern.refresh_from_db()
    assert concern.status == Concern.Status.ACKNOWLEDGED

    handler_client.post(f"{detail(concern)}entries/", {"kind": "note", "text": "Mehmet aranacak."})
    concern.refresh_from_db()
    assert concern.status == Concern.Status.IN_HANDLING

    with run_on_commit():
        handler_client.post(
            f"{detail(concern)}entries/", {"kind": "reply", "text": "Sizi arayacağız."}
        )
    with run_on_commit():
        handler_client.post(f"{detail(concern)}close/", {"outcome": "action_taken"})
    concern.refresh_from_db()
    assert concern.status == Concern.Status.CLOSED
    assert concern.get_outcome_display() == "Önlem alındı"

    actions = list(
        AuditEvent.objects.filter(object_id=str(concern.pk), action__startswith="safety.")
        .exclude(action="safety.concern_read")
        .values_list("action", flat=True)
        .order_by("pk")
    )
    assert actions == [
        "safety.concern_raised",
        "safety.concern_acknowledged",
        "safety.note_added",
        "safety.reply_sent",
        "safety.concern_closed",
    ]
    to_her = [m for m in mail.outbox if m.to == [volunteer.user.email]]
    assert len(to_her) == 3  # seen, replied, closed
    for message in to_her:
        for text in (WHAT, ABOUT, "Mehmet", "arayacağız"):
            assert text not in message.body

    page = Client()
    page.force_login(volunteer.user)
    mine = page.get(MINE).content.decode()
    assert "Sizi arayacağız." in mine
    assert "Mehmet aranacak." not in mine  # notes are the handlers' own


def test_a_note_waits_for_the_acknowledgement(handler_client, concern):
    response = handler_client.post(
        f"{detail(concern)}entries/", {"kind": "note", "text": "x"}, follow=True
    )
    assert "Önce bildirimin görüldüğünü işaretleyin." in response.content.decode()
    assert ConcernEntry.objects.count() == 0


def test_a_closed_concern_takes_no_more_entries(handler, concern):
    services.acknowledge(concern=concern, by=handler)
    services.close(concern=concern, by=handler, outcome="resolved")
    with pytest.raises(services.SafetyError):
        services.add_entry(concern=concern, by=handler, kind="note", text="x")


def test_the_services_refuse_staff_without_the_capability(coordinator, concern):
    with pytest.raises(services.SafetyError):
        services.acknowledge(concern=concern, by=coordinator)
    with pytest.raises(services.SafetyError):
        services.record_reading(concern=concern, reader=coordinator)


def test_the_person_concerned_is_never_told(volunteer, handler, run_on_commit):
    mehmet = factories.VolunteerFactory(first_name="Mehmet")
    with run_on_commit():
        services.raise_concern(
            by=volunteer.user,
            what_happened=WHAT,
            about=f"{mehmet.full_name}, {mehmet.user.email}",
            consent=True,
        )
    assert all(message.to != [mehmet.user.email] for message in mail.outbox)


def test_the_pages_run_a_fixed_number_of_queries(
    handler_client, handler, volunteer, django_assert_num_queries
):
    def raise_some(count):
        for _n in range(count):
            concern = services.raise_concern(
                by=volunteer.user, what_happened="x", about="y", consent=True
            )
            services.acknowledge(concern=concern, by=handler)
            services.add_entry(concern=concern, by=handler, kind="reply", text="z")

    mine = Client()
    mine.force_login(volunteer.user)
    raise_some(1)
    handler_client.get(LIST)
    mine.get(MINE)
    with CaptureQueriesContext(connection) as staff_small:
        handler_client.get(LIST)
    with CaptureQueriesContext(connection) as hers_small:
        mine.get(MINE)
    raise_some(4)
    with django_assert_num_queries(len(staff_small.captured_queries)):
        handler_client.get(LIST)
    with django_assert_num_queries(len(hers_small.captured_queries)):
        mine.get(MINE)


def test_the_audit_trail_shows_the_channels_events_to_handlers_only(
    client, concern, handler, administrator
):
    services.record_reading(concern=concern, reader=handler)
    volunteer_page = f"/staff/volunteers/{concern.raised_by.volunteer.pk}/"
    client.force_login(administrator)  # reads the audit trail, does not handle concerns

    for url in ("/staff/audit/", volunteer_page, "/staff/audit/?action=safety.concern_read"):
        page = client.get(url).content.decode()
        assert "Güvenlik bildirimi okundu" not in page
        assert "Güvenlik bildirimi yapıldı" not in page
        assert f"Güvenlik bildirimi {concern.pk}" not in page  # the summaries

    designate(administrator)
    trail = client.get("/staff/audit/?action=safety.concern_read").content.decode()
    assert "Güvenlik bildirimi okundu" in trail
    assert f"Güvenlik bildirimi {concern.pk}" in client.get(volunteer_page).content.decode()
