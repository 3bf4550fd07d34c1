"""Claiming and assigning tasks: places, due dates, one claim per volunteer (docs/activities.md)."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connections
from django.utils import timezone

from esit.activities.models import TaskAssignment
from esit.activities.services.errors import ActivityError
from esit.activities.services.work import assign_task, claim_task, release_task
from tests import factories
from tests.activities.work.conftest import make_assignment


def test_volunteer_claims_a_task_with_a_free_place(volunteer, task):
    assignment = claim_task(volunteer=volunteer, task=task)

    assert assignment.status == TaskAssignment.Status.CLAIMED
    assert assignment.volunteer == volunteer
    assert assignment.assigned_by is None


def test_full_task_refuses_the_next_volunteer(volunteer, task):
    make_assignment(task=task)
    make_assignment(task=task, status=TaskAssignment.Status.DELIVERED)

    with pytest.raises(ActivityError, match="boş yer kalmadı"):
        claim_task(volunteer=volunteer, task=task)

    assert not TaskAssignment.objects.filter(volunteer=volunteer).exists()


@pytest.mark.parametrize("status", ["returned", "accepted"])
def test_returned_and_accepted_work_still_hold_their_place(volunteer, task, status):
    make_assignment(task=task)
    make_assignment(task=task, status=status)

    with pytest.raises(ActivityError, match="boş yer kalmadı"):
        claim_task(volunteer=volunteer, task=task)


def test_given_back_task_frees_its_place(volunteer, task):
    make_assignment(task=task)
    given_back = make_assignment(task=task)
    release_task(assignment=given_back)

    assignment = claim_task(volunteer=volunteer, task=task)

    assert assignment.status == TaskAssignment.Status.CLAIMED
    given_back.refresh_from_db()
    assert given_back.status == TaskAssignment.Status.CANCELLED


def test_volunteer_cannot_claim_the_same_task_twice(volunteer, task):
    claim_task(volunteer=volunteer, task=task)

    with pytest.raises(ActivityError, match="zaten üstlendiniz"):
        claim_task(volunteer=volunteer, task=task)

    assert TaskAssignment.objects.filter(volunteer=volunteer).count() == 1


def test_task_past_its_due_date_cannot_be_claimed(volunteer):
    task = factories.TaskFactory(due_date=timezone.localdate() - datetime.timedelta(days=1))

    with pytest.raises(ActivityError, match="teslim tarihi geçti"):
        claim_task(volunteer=volunteer, task=task)


def test_task_due_today_can_still_be_claimed(volunteer):
    task = factories.TaskFactory(due_date=timezone.localdate())

    assert claim_task(volunteer=volunteer, task=task).pk


@pytest.mark.parametrize("status", ["draft", "cancelled", "completed"])
def test_tasks_of_an_unpublished_activity_cannot_be_claimed(volunteer, status):
    task = factories.TaskFactory(activity__status=status)

    with pytest.raises(ActivityError):
        claim_task(volunteer=volunteer, task=task)

    assert not TaskAssignment.objects.exists()


def test_volunteer_who_left_cannot_claim(volunteer, task):
    volunteer.status = volunteer.Status.WITHDRAWN
    volunteer.save(update_fields=["status"])

    with pytest.raises(ActivityError, match="Programdan ayrılmış"):
        claim_task(volunteer=volunteer, task=task)


def test_coordinator_assigns_a_task_and_the_volunteer_is_told(
    volunteer, task, coordinator, run_on_commit
):
    with run_on_commit():
        assignment = assign_task(task=task, volunteer=volunteer, by=coordinator)

    assert assignment.assigned_by == coordinator
    assert assignment.status == TaskAssignment.Status.CLAIMED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [volunteer.user.email]
    assert task.title in mail.outbox[0].subject
    assert "http://testserver/me/tasks/" in mail.outbox[0].body


def test_coordinator_cannot_assign_beyond_the_places(volunteer, task, coordinator):
    make_assignment(task=task)
    make_assignment(task=task)

    with pytest.raises(ActivityError, match="boş yer kalmadı"):
        assign_task(task=task, volunteer=volunteer, by=coordinator)

    assert len(mail.outbox) == 0


def test_coordinator_cannot_assign_a_volunteer_twice(volunteer, task, coordinator):
    make_assignment(task=task, volunteer=volunteer)

    with pytest.raises(ActivityError, match="zaten üstlenmiş"):
        assign_task(task=task, volunteer=volunteer, by=coordinator)


# The button on the activity page ------------------------------------------------------------


def test_claim_button_takes_a_place_and_returns_to_the_activity(volunteer_client, volunteer, task):
    response = volunteer_client.post(f"/activities/tasks/{task.pk}/claim/", follow=True)

    assert response.redirect_chain[0] == (f"/activities/{task.activity_id}/", 302)
    assert TaskAssignment.objects.filter(volunteer=volunteer, task=task).count() == 1
    assert "görevini üstlendiniz" in response.content.decode()


def test_claim_button_on_a_full_task_explains_and_changes_nothing(
    volunteer_client, volunteer, task
):
    make_assignment(task=task)
    make_assignment(task=task)

    response = volunteer_client.post(f"/activities/tasks/{task.pk}/claim/", follow=True)

    assert "Bu görevde boş yer kalmadı." in response.content.decode()
    assert not TaskAssignment.objects.filter(volunteer=volunteer).exists()


def test_claiming_a_forged_task_id_is_not_found(volunteer_client, db):
    assert volunteer_client.post("/activities/tasks/999999/claim/").status_code == 404


def test_claiming_needs_sign_in(client, task):
    response = client.post(f"/activities/tasks/{task.pk}/claim/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not TaskAssignment.objects.exists()


# Many at once -------------------------------------------------------------------------------


@pytest.mark.usefixtures("live_db")
def test_many_volunteers_claiming_the_last_two_places_at_once_get_exactly_two():
    task = factories.TaskFactory(places=3)
    make_assignment(task=task)
    volunteers = [factories.VolunteerFactory() for _ in range(8)]
    barrier = threading.Barrier(len(volunteers))
    claimed, refused, errors = [], [], []

    def worker(volunteer):
        try:
            barrier.wait()
            claimed.append(claim_task(volunteer=volunteer, task=task))
        except ActivityError as error:
            refused.append(error)
        except Exception as error:  # anything else fails the test below
            errors.append(error)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=worker, args=(v,)) for v in volunteers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(claimed) == 2
    assert len(refused) == 6
    assert task.assignments.filter(status__in=TaskAssignment.ACTIVE_STATUSES).count() == 3
