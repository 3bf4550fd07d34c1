"""/activities/<id>/: one activity, its shifts and tasks, and what the viewer may do there."""

import re

import pytest

from tests import factories
from tests.activities.signups.conftest import make_returning, make_shift
from tests.factories import in_days

from .conftest import detail_url, page

pytestmark = pytest.mark.django_db


def test_a_published_activity_shows_its_details(client):
    activity = factories.ActivityFactory(
        title_tr="Dayanışma atölyesi",
        address="Kültürpark, Salon 3",
        areas=[factories.area("workshops"), factories.area("translation")],
        starts_at=in_days(5, 14),
        ends_at=in_days(5, 17),
    )
    body = page(client.get(detail_url(activity)))
    assert "<h1>Dayanışma atölyesi</h1>" in body
    assert "Kültürpark, Salon 3" in body
    assert "Atölye çalışmaları" in body
    assert "Tercüme" in body
    assert "14:00" in body
    assert "17:00" in body


def test_a_draft_is_not_found_by_the_public(client):
    activity = factories.ActivityFactory(status="draft")
    assert client.get(detail_url(activity)).status_code == 404


def test_a_draft_is_not_found_by_a_volunteer(volunteer_client):
    activity = factories.ActivityFactory(status="draft")
    assert volunteer_client.get(detail_url(activity)).status_code == 404


def test_staff_may_preview_a_draft(coordinator_client):
    activity = factories.ActivityFactory(status="draft", title_tr="Hazırlanan atölye")
    response = coordinator_client.get(detail_url(activity))
    assert response.status_code == 200
    assert "yalnızca personel görebilir" in page(response)


def test_staff_without_two_factor_cannot_preview_a_draft(client, coordinator_without_two_factor):
    activity = factories.ActivityFactory(status="draft", title_tr="Hazırlanan atölye")
    client.force_login(coordinator_without_two_factor)

    assert client.get(detail_url(activity)).status_code == 404


def test_a_completed_activity_is_still_shown(client):
    activity = factories.ActivityFactory(
        status="completed", starts_at=in_days(-3, 10), ends_at=in_days(-3, 12)
    )
    assert client.get(detail_url(activity)).status_code == 200


def test_the_description_is_escaped_and_keeps_its_line_breaks(client):
    activity = factories.ActivityFactory(description_tr="Birinci satır\n<b>ikinci</b> satır")
    body = page(client.get(detail_url(activity)))
    assert "Birinci satır<br>&lt;b&gt;ikinci&lt;/b&gt; satır" in body


def test_the_english_description_is_shown_in_english(client):
    activity = factories.ActivityFactory(description_tr="Türkçe", description_en="In English")
    client.cookies["esit_language"] = "en"
    assert "In English" in page(client.get(detail_url(activity)))


def test_an_online_activity_links_to_its_meeting(client):
    activity = factories.ActivityFactory(address="", online_url="https://meet.example.org/esit")
    assert 'href="https://meet.example.org/esit"' in page(client.get(detail_url(activity)))


def test_shifts_show_capacity_and_places_left(client):
    shift = factories.ShiftFactory(capacity=4)
    factories.SignUpFactory(shift=shift, status="confirmed")
    factories.SignUpFactory(shift=shift, status="pending")
    factories.SignUpFactory(shift=shift, status="waitlisted")
    body = page(client.get(detail_url(shift.activity)))
    # Capacity, then places left (confirmed and pending both hold a place).
    assert re.search(r"<td>4</td>\s*<td>2</td>", body)


def test_a_full_shift_says_so(client):
    shift = factories.ShiftFactory(capacity=1)
    factories.SignUpFactory(shift=shift, status="confirmed")
    assert "<td>Dolu</td>" in page(client.get(detail_url(shift.activity)))


def test_shifts_show_the_areas_and_languages_they_need(client):
    shift = factories.ShiftFactory()
    shift.required_areas.set([factories.area("translation")])
    shift.required_languages.set([factories.language("ar")])
    body = page(client.get(detail_url(shift.activity)))
    assert "Gereken alanlar: Tercüme" in body
    assert "Gereken diller: Arapça" in body


def test_tasks_show_due_date_and_places_left(client):
    task = factories.TaskFactory(title="Afiş tasarımı", places=3)
    body = page(client.get(detail_url(task.activity)))
    assert "Afiş tasarımı" in body
    assert f'datetime="{task.due_date.isoformat()}"' in body
    assert "<td>3</td>" in body


def test_a_visitor_is_invited_to_sign_in_or_apply(client):
    shift = factories.ShiftFactory()
    body = page(client.get(detail_url(shift.activity)))
    assert f"/accounts/login/?next=%2Factivities%2F{shift.activity.pk}%2F" in body
    assert 'href="/apply/"' in body
    assert "/sign-up/" not in body


def test_a_volunteer_sees_a_sign_up_button_for_each_open_shift(volunteer_client):
    shift = factories.ShiftFactory()
    body = page(volunteer_client.get(detail_url(shift.activity)))
    assert f'action="/activities/shifts/{shift.pk}/sign-up/"' in body


def test_a_volunteer_sees_their_own_state_and_a_cancel_button(volunteer_client, volunteer):
    signup = factories.SignUpFactory(volunteer=volunteer, status="waitlisted")
    body = page(volunteer_client.get(detail_url(signup.shift.activity)))
    assert "Bekleme listesinde" in body
    assert f'action="/activities/signups/{signup.pk}/cancel/"' in body
    assert "/sign-up/" not in body


def test_another_volunteers_sign_up_is_not_shown_as_mine(volunteer_client):
    signup = factories.SignUpFactory(status="confirmed")
    body = page(volunteer_client.get(detail_url(signup.shift.activity)))
    assert f'action="/activities/shifts/{signup.shift.pk}/sign-up/"' in body
    assert "/cancel/" not in body


def test_no_sign_up_button_for_a_past_shift(volunteer_client):
    activity = factories.ActivityFactory(starts_at=in_days(-2, 10), ends_at=in_days(-2, 18))
    factories.ShiftFactory(activity=activity)
    assert "/sign-up/" not in page(volunteer_client.get(detail_url(activity)))


def test_no_sign_up_button_for_a_cancelled_activity(volunteer_client):
    shift = factories.ShiftFactory(activity=factories.ActivityFactory(status="cancelled"))
    body = page(volunteer_client.get(detail_url(shift.activity)))
    assert "Bu etkinlik iptal edildi." in body
    assert "/sign-up/" not in body


def test_a_volunteer_who_left_sees_no_buttons(volunteer_client, volunteer):
    volunteer.status = "withdrawn"
    volunteer.save(update_fields=["status"])
    shift = factories.ShiftFactory()
    assert "/sign-up/" not in page(volunteer_client.get(detail_url(shift.activity)))


def test_a_volunteer_can_claim_a_task_with_places_left(volunteer_client):
    task = factories.TaskFactory()
    body = page(volunteer_client.get(detail_url(task.activity)))
    assert f'action="/activities/tasks/{task.pk}/claim/"' in body


def test_a_full_task_cannot_be_claimed(volunteer_client):
    task = factories.TaskFactory(places=1)
    task.assignments.create(
        volunteer=factories.VolunteerFactory(),
        status="claimed",
        claimed_at=task.activity.created_at,
    )
    body = page(volunteer_client.get(detail_url(task.activity)))
    assert "/claim/" not in body
    assert "<td>Dolu</td>" in body


def test_a_visitor_sees_no_claim_button(client):
    task = factories.TaskFactory()
    assert "/claim/" not in page(client.get(detail_url(task.activity)))


def test_a_registration_form_is_shown_for_a_public_workshop(client, workshop):
    body = page(client.get(detail_url(workshop)))
    assert f'action="/activities/{workshop.pk}/register/"' in body
    assert 'name="consent"' in body
    assert "2 yer kaldı" in body


def test_no_registration_form_when_the_activity_is_not_open_to_the_public(client):
    activity = factories.ActivityFactory(public_registration=False)
    assert "/register/" not in page(client.get(detail_url(activity)))


def test_no_registration_form_for_a_past_workshop(client):
    activity = factories.ActivityFactory(
        public_registration=True,
        public_capacity=5,
        starts_at=in_days(-2, 10),
        ends_at=in_days(-2, 12),
    )
    body = page(client.get(detail_url(activity)))
    assert "/register/" not in body
    assert "katılımcı kaydı kapandı" in body


def _populate(activity, shifts: int, signups_each: int, tasks: int):
    for _s in range(shifts):
        shift = factories.ShiftFactory(activity=activity)
        shift.required_areas.set([factories.area()])
        factories.SignUpFactory.create_batch(signups_each, shift=shift)
    for _t in range(tasks):
        factories.TaskFactory(activity=activity)


@pytest.mark.parametrize(("shifts", "signups", "tasks"), [(1, 1, 1), (6, 4, 5)])
def test_the_page_runs_a_fixed_number_of_queries_for_a_visitor(
    client, django_assert_num_queries, workshop, shifts, signups, tasks
):
    _populate(workshop, shifts, signups, tasks)
    # Activity, areas, shifts, their areas and languages, tasks, their areas and languages,
    # the privacy notice.
    with django_assert_num_queries(9):
        client.get(detail_url(workshop))


@pytest.mark.parametrize(("shifts", "signups", "tasks"), [(1, 1, 1), (6, 4, 5)])
def test_the_page_runs_a_fixed_number_of_queries_for_a_volunteer(
    volunteer_client, volunteer, django_assert_num_queries, workshop, shifts, signups, tasks
):
    _populate(workshop, shifts, signups, tasks)
    factories.SignUpFactory(shift=workshop.shifts.first(), volunteer=volunteer)
    # Session, user, volunteer with their areas and languages (for the requirements; the
    # user's roles come with her cached standing); then as for a visitor, plus the
    # volunteer's own sign-ups and task assignments.
    with django_assert_num_queries(16):
        response = volunteer_client.get(detail_url(workshop))
    assert "/cancel/" in page(response)


def test_places_kept_for_first_timers_are_shown_per_shift(client):
    shift = make_shift(capacity=4, newcomer_places=2)
    factories.SignUpFactory(shift=shift, volunteer=make_returning())

    body = page(client.get(detail_url(shift.activity)))

    # 3 free: a first-timer may take any of them, a returning volunteer only 1.
    assert "(2 yer ilk kez katılacaklara ayrıldı)" in body


def test_nothing_is_kept_once_first_timers_hold_their_places(client):
    shift = make_shift(capacity=4, newcomer_places=2)
    factories.SignUpFactory(shift=shift)
    factories.SignUpFactory(shift=shift)

    body = page(client.get(detail_url(shift.activity)))

    assert "ilk kez katılacaklara ayrıldı" not in body
