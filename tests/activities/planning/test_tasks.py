"""Tasks: a due date ahead, at least one place, honest hours; staff assign volunteers."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from esit.activities.models import Task, TaskAssignment
from esit.activities.services import planning
from esit.activities.services.errors import ActivityError
from esit.volunteers.models import Volunteer
from tests import factories
from tests.activities.planning.conftest import task_form_data


@pytest.fixture
def activity(db):
    return factories.ActivityFactory(kind=factories.activity_kind("translation"))


def create_url(activity) -> str:
    return reverse("planning:task_create", args=[activity.pk])


def edit_url(task) -> str:
    return reverse("planning:task_edit", args=[task.activity_id, task.pk])


def assign_url(task) -> str:
    return reverse("planning:task_assign", args=[task.activity_id, task.pk])


def error_next_to(response, field: str) -> str:
    html = response.content.decode()
    marker = f'id="id_{field}_error">'
    assert marker in html, f"no error next to {field}"
    return html.split(marker, 1)[1].split("</p>", 1)[0]


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def assignment(task, status=TaskAssignment.Status.CLAIMED) -> TaskAssignment:
    return TaskAssignment.objects.create(
        task=task, volunteer=factories.VolunteerFactory(), status=status, claimed_at=timezone.now()
    )


def test_coordinator_adds_a_task(coordinator_client, activity):
    response = coordinator_client.post(
        create_url(activity),
        task_form_data(required_languages=[factories.language("ar").pk], estimated_hours="2.5"),
    )
    assert response.status_code == 302
    task = activity.tasks.get()
    assert task.title == "Broşürü Arapçaya çevir"
    assert task.places == 2
    assert task.estimated_hours == Decimal("2.5")
    assert list(task.required_languages.all()) == [factories.language("ar")]


def test_due_date_in_the_past_is_refused(coordinator_client, activity):
    response = coordinator_client.post(
        create_url(activity), task_form_data(due_date=days_from_today(-1).isoformat())
    )
    assert "Teslim tarihi geçmişte olamaz." in error_next_to(response, "due_date")
    assert not Task.objects.exists()


def test_due_date_today_is_fine(activity):
    task = planning.create_task(
        activity=activity, title="Bugün", description="Bugün teslim", due_date=days_from_today(0)
    )
    assert task.due_date == timezone.localdate()


def test_zero_places_is_refused(coordinator_client, activity):
    response = coordinator_client.post(create_url(activity), task_form_data(places="0"))
    assert "en az 1 gönüllü" in error_next_to(response, "places")
    assert not Task.objects.exists()


@pytest.mark.parametrize("hours", ["0", "-2", "200.5", "1000"])
def test_estimated_hours_outside_zero_to_two_hundred_is_refused(
    coordinator_client, activity, hours
):
    response = coordinator_client.post(create_url(activity), task_form_data(estimated_hours=hours))
    assert error_next_to(response, "estimated_hours")
    assert not Task.objects.exists()


def test_estimated_hours_may_be_left_out(coordinator_client, activity):
    coordinator_client.post(create_url(activity), task_form_data(estimated_hours=""))
    assert activity.tasks.get().estimated_hours is None


def test_places_cannot_drop_below_volunteers_working_on_it(coordinator_client, activity):
    task = factories.TaskFactory(activity=activity, places=3)
    assignment(task)
    assignment(task, status=TaskAssignment.Status.DELIVERED)
    assignment(task, status=TaskAssignment.Status.CANCELLED)
    response = coordinator_client.post(
        edit_url(task), task_form_data(places="1", due_date=task.due_date.isoformat())
    )
    assert "2 gönüllünün altına" in error_next_to(response, "places")
    task.refresh_from_db()
    assert task.places == 3


def test_a_past_due_date_may_stay_when_editing(activity):
    task = factories.TaskFactory(activity=activity, due_date=days_from_today(-3))
    planning.update_task(task=task, title="Yeni başlık", due_date=task.due_date)
    task.refresh_from_db()
    assert task.title == "Yeni başlık"


def test_a_due_date_cannot_be_moved_into_the_past(activity):
    task = factories.TaskFactory(activity=activity)
    with pytest.raises(ActivityError) as refused:
        planning.update_task(task=task, due_date=days_from_today(-1))
    assert refused.value.field == "due_date"


# Assigning ------------------------------------------------------------------


def test_search_finds_a_volunteer_the_turkish_way(coordinator_client, activity):
    task = factories.TaskFactory(activity=activity)
    factories.VolunteerFactory(user__first_name="Işıl", user__last_name="Güneş")
    factories.VolunteerFactory(user__first_name="Ismail", user__last_name="Kaya")
    html = coordinator_client.get(assign_url(task), {"q": "IŞIL"}).content.decode()
    assert "Işıl Güneş" in html
    assert "Ismail Kaya" not in html


def test_search_lists_only_active_volunteers(coordinator_client, activity):
    task = factories.TaskFactory(activity=activity)
    factories.VolunteerFactory(
        user__first_name="Deniz", user__last_name="Ayrıldı", status=Volunteer.Status.WITHDRAWN
    )
    html = coordinator_client.get(assign_url(task), {"q": "deniz"}).content.decode()
    assert "Deniz Ayrıldı" not in html


def test_coordinator_assigns_a_volunteer(coordinator_client, coordinator, activity, run_on_commit):
    task = factories.TaskFactory(activity=activity)
    volunteer = factories.VolunteerFactory()
    with run_on_commit():
        response = coordinator_client.post(assign_url(task), {"volunteer": volunteer.pk})
    assert response.status_code == 302
    assigned = TaskAssignment.objects.get()
    assert (assigned.task, assigned.volunteer, assigned.assigned_by) == (
        task,
        volunteer,
        coordinator,
    )


def test_a_forged_volunteer_id_gets_a_clear_message(coordinator_client, activity):
    task = factories.TaskFactory(activity=activity)
    response = coordinator_client.post(assign_url(task), {"volunteer": "999999"})
    assert "yeniden arayın" in error_next_to(response, "volunteer")
    assert not TaskAssignment.objects.exists()


def test_a_full_task_refuses_another_volunteer(coordinator_client, activity):
    task = factories.TaskFactory(activity=activity, places=1)
    assignment(task)
    response = coordinator_client.post(
        assign_url(task), {"volunteer": factories.VolunteerFactory().pk}
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert TaskAssignment.objects.count() == 1
