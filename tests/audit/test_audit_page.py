"""/staff/audit/: only for those who may read the trail; filters; pages cut by id."""

import datetime

import pytest
from django.utils import timezone

from esit.audit import actions, services
from esit.audit.models import AuditEvent
from tests import factories

actions.register("tests.page_opened", "Opened a page (tests)")
actions.register("tests.exported", "Exported a list (tests)")

URL = "/staff/audit/"


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def test_a_coordinator_without_the_capability_is_refused(coordinator_client):
    assert coordinator_client.get(URL).status_code == 403


def test_a_volunteer_is_refused(volunteer_client):
    assert volunteer_client.get(URL).status_code == 403


def test_administrators_may_read_the_trail_by_default(admin_client, administrator):
    services.record(action="tests.page_opened", actor=administrator, summary="Bir sayfa açtı.")
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert "Bir sayfa açtı." in response.content.decode()


def test_the_trail_is_filtered_by_staff_member_action_and_date(admin_client, coordinator):
    other = factories.StaffFactory(role="coordinator")
    services.record(action="tests.page_opened", actor=coordinator, summary="Birinci.")
    services.record(action="tests.exported", actor=coordinator, summary="İkinci.")
    services.record(action="tests.exported", actor=other, summary="Üçüncü.")
    AuditEvent.objects.create(
        action="tests.exported",
        actor=coordinator,
        summary="Geçen ay.",
        at=timezone.now() - datetime.timedelta(days=40),
    )
    today = timezone.localdate().isoformat()

    response = admin_client.get(
        URL, {"actor": coordinator.pk, "action": "tests.exported", "date_from": today}
    )

    assert [event.summary for event in response.context["events"]] == ["İkinci."]


def test_pages_are_cut_by_id_and_the_next_one_continues_where_this_ended(
    admin_client, administrator
):
    for number in range(1, 56):
        services.record(action="tests.page_opened", actor=administrator, summary=f"Olay {number}")

    first = admin_client.get(URL)
    events = first.context["events"]
    assert len(events) == 50
    assert events[0].summary == "Olay 55"
    older_than = first.context["page"].next_older_than
    second = admin_client.get(URL, {"older_than": older_than})
    assert [event.summary for event in second.context["events"]] == [
        f"Olay {number}" for number in range(5, 0, -1)
    ]
    assert second.context["page"].next_older_than is None


def test_the_page_runs_the_same_queries_for_few_and_many_events(
    admin_client, administrator, django_assert_max_num_queries
):
    services.record(action="tests.page_opened", actor=administrator, summary="Bir.")
    admin_client.get(URL)  # warm the session and permission caches
    with django_assert_max_num_queries(12) as few:
        admin_client.get(URL)
    for number in range(60):
        services.record(action="tests.page_opened", actor=administrator, summary=f"Olay {number}")
    with django_assert_max_num_queries(12) as many:
        admin_client.get(URL)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_bad_filter_is_reported_and_the_rest_still_applies(admin_client, administrator):
    services.record(action="tests.page_opened", actor=administrator, summary="Bir.")
    response = admin_client.get(URL, {"date_from": "dün", "action": "tests.page_opened"})
    assert response.status_code == 200
    assert "Bir." in response.content.decode()
    assert response.context["filter_form"].errors["date_from"]


def test_the_trail_is_filtered_by_the_person_concerned_under_any_of_their_records(
    admin_client, administrator
):
    """An applicant who became a volunteer: events about her application and her profile."""
    volunteer = factories.VolunteerFactory()
    application = factories.ApplicationFactory(email=volunteer.user.email)
    other = factories.ApplicationFactory()
    services.record(
        action="tests.page_opened", actor=administrator, person=application, summary="Başvuru."
    )
    services.record(
        action="tests.page_opened", actor=administrator, person=volunteer, summary="Profil."
    )
    services.record(
        action="tests.page_opened", actor=administrator, person=other, summary="Başkası."
    )

    response = admin_client.get(URL, {"person": volunteer.user.email.upper()})

    assert sorted(event.summary for event in response.context["events"]) == ["Başvuru.", "Profil."]
