"""Only coordinators and administrators plan activities; ids from elsewhere are not found."""

import pytest
from django.urls import reverse

from esit.activities.models import Activity
from tests import factories
from tests.activities.planning.conftest import activity_form_data


def staff_pages(activity, shift, task) -> list[str]:
    return [
        reverse("planning:list"),
        reverse("planning:create"),
        reverse("planning:detail", args=[activity.pk]),
        reverse("planning:edit", args=[activity.pk]),
        reverse("planning:copy", args=[activity.pk]),
        reverse("planning:cancel", args=[activity.pk]),
        reverse("planning:shift_create", args=[activity.pk]),
        reverse("planning:shift_edit", args=[activity.pk, shift.pk]),
        reverse("planning:shift_delete", args=[activity.pk, shift.pk]),
        reverse("planning:shift_repeat", args=[activity.pk, shift.pk]),
        reverse("planning:task_create", args=[activity.pk]),
        reverse("planning:task_edit", args=[activity.pk, task.pk]),
        reverse("planning:task_assign", args=[activity.pk, task.pk]),
    ]


@pytest.fixture
def planned(db):
    shift = factories.ShiftFactory()
    task = factories.TaskFactory(activity=shift.activity)
    return shift.activity, shift, task


def test_anonymous_visitor_is_sent_to_sign_in_from_every_planning_page(client, planned):
    for url in staff_pages(*planned):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


def test_volunteer_is_refused_every_planning_page(volunteer_client, planned):
    for url in staff_pages(*planned):
        assert volunteer_client.get(url).status_code == 403, url


def test_volunteer_cannot_create_an_activity(volunteer_client):
    response = volunteer_client.post(reverse("planning:create"), activity_form_data())
    assert response.status_code == 403
    assert not Activity.objects.exists()


def test_volunteer_cannot_cancel_an_activity(volunteer_client, planned):
    activity = planned[0]
    response = volunteer_client.post(
        reverse("planning:cancel", args=[activity.pk]), {"confirm": "on"}
    )
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED


def test_coordinator_opens_every_planning_page(coordinator_client, planned):
    for url in staff_pages(*planned):
        assert coordinator_client.get(url).status_code == 200, url


def test_administrator_opens_the_activity_list(client, administrator):
    client.force_login(administrator)
    assert client.get(reverse("planning:list")).status_code == 200


def test_forged_activity_id_is_not_found(coordinator_client, planned):
    assert coordinator_client.get(reverse("planning:detail", args=[999999])).status_code == 404
    assert coordinator_client.get(reverse("planning:edit", args=[999999])).status_code == 404


def test_shift_of_another_activity_is_not_found(coordinator_client, planned):
    shift = planned[1]
    other = factories.ActivityFactory()
    for name in ("planning:shift_edit", "planning:shift_delete", "planning:shift_repeat"):
        response = coordinator_client.get(reverse(name, args=[other.pk, shift.pk]))
        assert response.status_code == 404, name


def test_forged_shift_id_changes_nothing(coordinator_client, planned):
    activity, shift, _task = planned
    response = coordinator_client.post(
        reverse("planning:shift_delete", args=[activity.pk, shift.pk + 1000])
    )
    assert response.status_code == 404
    assert activity.shifts.count() == 1


def test_task_of_another_activity_is_not_found(coordinator_client, planned):
    task = planned[2]
    other = factories.ActivityFactory()
    for name in ("planning:task_edit", "planning:task_assign"):
        assert coordinator_client.get(reverse(name, args=[other.pk, task.pk])).status_code == 404


def test_staff_navigation_links_to_activities(coordinator_client):
    response = coordinator_client.get(reverse("staff:dashboard"))
    assert f'href="{reverse("planning:list")}"' in response.content.decode()
