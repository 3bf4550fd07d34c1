"""Coordinators accept delivered work (one pending hours entry) or send it back with a comment."""

import datetime
import decimal
import re

import pytest
from django.core import mail
from django.utils import timezone

from esit.activities.models import HoursEntry, TaskAssignment
from esit.activities.services.errors import ActivityError
from esit.activities.services.work import accept_task, deliver_task, return_task
from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from tests import factories
from tests.activities.work.conftest import make_assignment


def test_accepted_work_creates_one_pending_hours_entry(delivered, coordinator):
    accept_task(assignment=delivered, by=coordinator)

    delivered.refresh_from_db()
    assert delivered.status == TaskAssignment.Status.ACCEPTED
    assert delivered.reviewed_by == coordinator
    entry = HoursEntry.objects.get()
    assert entry.status == HoursEntry.Status.PENDING
    assert entry.source == HoursEntry.Source.TASK
    assert entry.task_assignment == delivered
    assert entry.volunteer == delivered.volunteer
    assert entry.activity == delivered.task.activity


def test_accepted_hours_default_to_the_tasks_estimate(delivered, coordinator):
    accept_task(assignment=delivered, by=coordinator)

    assert HoursEntry.objects.get().hours == decimal.Decimal(4)


def test_coordinator_may_give_other_hours_than_the_estimate(delivered, coordinator):
    accept_task(assignment=delivered, by=coordinator, hours=decimal.Decimal("6.5"))

    assert HoursEntry.objects.get().hours == decimal.Decimal("6.5")


def test_hours_are_required_when_the_task_has_no_estimate(volunteer, coordinator):
    assignment = make_assignment(
        task=factories.TaskFactory(estimated_hours=None), volunteer=volunteer, status="delivered"
    )

    with pytest.raises(ActivityError, match="tahmini süresi yok") as refused:
        accept_task(assignment=assignment, by=coordinator)

    assert refused.value.field == "hours"
    assignment.refresh_from_db()
    assert assignment.status == TaskAssignment.Status.DELIVERED
    assert not HoursEntry.objects.exists()


@pytest.mark.parametrize("hours", ["0", "-1", "24.5"])
def test_accepted_hours_must_be_between_0_and_24(delivered, coordinator, hours):
    with pytest.raises(ActivityError, match="en fazla 24"):
        accept_task(assignment=delivered, by=coordinator, hours=decimal.Decimal(hours))

    assert not HoursEntry.objects.exists()


def test_hours_are_dated_on_the_day_of_delivery_in_izmir(volunteer, task, coordinator):
    # 23:30 in İzmir is still 20:30 UTC on the same day; 00:30 İzmir is the previous day in UTC.
    just_after_midnight = timezone.make_aware(datetime.datetime(2026, 3, 8, 0, 30))
    assignment = make_assignment(
        task=task, volunteer=volunteer, status="delivered", delivered_at=just_after_midnight
    )

    accept_task(assignment=assignment, by=coordinator)

    assert HoursEntry.objects.get().date == datetime.date(2026, 3, 8)


def test_hours_count_in_the_tasks_first_required_area(delivered, coordinator):
    delivered.task.required_areas.set([factories.area("digital-design")])

    accept_task(assignment=delivered, by=coordinator)

    assert HoursEntry.objects.get().area == factories.area("digital-design")


def test_without_required_areas_hours_count_in_the_activitys_first_area(delivered, coordinator):
    accept_task(assignment=delivered, by=coordinator)

    assert HoursEntry.objects.get().area == factories.area("workshops")


def test_accepting_twice_creates_no_second_entry(delivered, coordinator):
    accept_task(assignment=delivered, by=coordinator)

    with pytest.raises(ActivityError, match="Yalnızca teslim edilmiş"):
        accept_task(assignment=delivered, by=coordinator)

    assert HoursEntry.objects.count() == 1


def test_volunteer_is_told_when_work_is_accepted(delivered, coordinator, run_on_commit):
    with run_on_commit():
        accept_task(assignment=delivered, by=coordinator, comment="Harika bir çeviri.")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [delivered.volunteer.user.email]
    assert "kabul edildi" in message.subject
    assert "Harika bir çeviri." in message.body


def test_returning_work_needs_a_comment(delivered, coordinator):
    with pytest.raises(ActivityError) as refused:
        return_task(assignment=delivered, by=coordinator, comment="  ")

    assert refused.value.field == "comment"
    delivered.refresh_from_db()
    assert delivered.status == TaskAssignment.Status.DELIVERED


def test_returned_work_carries_the_comment_to_the_volunteer(delivered, coordinator, run_on_commit):
    with run_on_commit():
        return_task(assignment=delivered, by=coordinator, comment="Son paragrafı çevirin.")

    delivered.refresh_from_db()
    assert delivered.status == TaskAssignment.Status.RETURNED
    assert delivered.review_comment == "Son paragrafı çevirin."
    assert not HoursEntry.objects.exists()
    assert len(mail.outbox) == 1
    assert "Son paragrafı çevirin." in mail.outbox[0].body
    assert "http://testserver/me/tasks/" in mail.outbox[0].body


def test_work_returned_twice_tells_the_volunteer_twice(delivered, coordinator, run_on_commit):
    with run_on_commit():
        return_task(assignment=delivered, by=coordinator, comment="Başlığı düzeltin.")
    deliver_task(assignment=delivered, note="Düzelttim.")
    with run_on_commit():
        return_task(assignment=delivered, by=coordinator, comment="Son paragraf eksik.")

    assert ["Son paragraf eksik." in message.body for message in mail.outbox] == [False, True]


def test_no_return_e_mail_once_the_work_was_accepted_before_it_left(delivered, coordinator):
    # No commit in this test: the message waits in the queue until send_one() below.
    return_task(assignment=delivered, by=coordinator, comment="Başlığı düzeltin.")
    deliver_task(assignment=delivered, note="Düzelttim.")
    accept_task(assignment=delivered, by=coordinator)
    returned = Delivery.objects.get(kind="work.task_returned")

    assert notifications.send_one(returned.pk) == Delivery.Status.SUPPRESSED
    assert mail.outbox == []


def test_claimed_work_cannot_be_reviewed(volunteer, task, coordinator):
    assignment = make_assignment(task=task, volunteer=volunteer)

    with pytest.raises(ActivityError):
        return_task(assignment=assignment, by=coordinator, comment="?")


# The staff review page ----------------------------------------------------------------------


def test_review_page_lists_delivered_work_with_the_estimate_filled_in(
    coordinator_client, delivered
):
    page = coordinator_client.get("/staff/tasks/").content.decode()

    assert delivered.task.title in page
    assert delivered.volunteer.full_name in page
    assert re.search(
        rf'<input[^>]*name="hours" value="4"[^>]*id="accept-{delivered.pk}-hours"', page
    )


def test_review_page_needs_staff(volunteer_client, delivered):
    assert volunteer_client.get("/staff/tasks/").status_code == 403


def test_volunteer_cannot_accept_their_own_work(volunteer_client, delivered):
    response = volunteer_client.post(f"/staff/tasks/{delivered.pk}/accept/", {"hours": "20"})

    assert response.status_code == 403
    delivered.refresh_from_db()
    assert delivered.status == TaskAssignment.Status.DELIVERED


def test_accept_button_accepts_and_redirects(coordinator_client, delivered):
    response = coordinator_client.post(
        f"/staff/tasks/{delivered.pk}/accept/", {"hours": "3,5", "comment": ""}
    )

    assert response.status_code == 302
    assert response["Location"] == "/staff/tasks/"
    assert HoursEntry.objects.get().hours == decimal.Decimal("3.5")


def test_return_without_comment_shows_the_error_next_to_the_field(coordinator_client, delivered):
    response = coordinator_client.post(f"/staff/tasks/{delivered.pk}/return/", {"comment": ""})

    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="return-{delivered.pk}-comment_error"' in page
    assert "Gönüllüye neyin değişmesi gerektiğini yazın." in page
    delivered.refresh_from_db()
    assert delivered.status == TaskAssignment.Status.DELIVERED


def test_bad_hours_keep_what_was_typed(coordinator_client, delivered):
    response = coordinator_client.post(
        f"/staff/tasks/{delivered.pk}/accept/", {"hours": "30", "comment": "Çok iyi"}
    )

    page = response.content.decode()
    assert f'id="accept-{delivered.pk}-hours_error"' in page
    assert "Çok iyi" in page
    assert not HoursEntry.objects.exists()


def test_review_page_escapes_what_volunteers_typed(coordinator_client, volunteer, task):
    make_assignment(
        task=task, volunteer=volunteer, status="delivered", delivery_note="<img src=x onerror=1>"
    )

    page = coordinator_client.get("/staff/tasks/").content.decode()

    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=1&gt;" in page


@pytest.mark.parametrize("extra", [0, 6])
def test_review_page_runs_a_fixed_number_of_queries(
    coordinator_client, django_assert_num_queries, extra
):
    for _ in range(1 + extra):
        make_assignment(status="delivered")

    # Session, user, count, the page of assignments, and the layout asking whether the
    # coordinator has a volunteer profile (roles, second factor, permissions and scope come
    # with her standing, read at sign-in and kept in the cache).
    with django_assert_num_queries(5):
        response = coordinator_client.get("/staff/tasks/")

    assert len(response.context["rows"]) == 1 + extra
