"""The staff overview of one activity links to everything staff do with it."""

from django.urls import reverse

from esit.activities.models import TaskAssignment
from tests import factories
from tests.activities.planning.conftest import detail_url


def test_detail_links_to_roster_public_page_edit_copy_and_cancel(coordinator_client):
    activity = factories.ActivityFactory(status="published")
    html = coordinator_client.get(detail_url(activity)).content.decode()
    for url in (
        f"/staff/activities/{activity.pk}/roster/",
        f"/activities/{activity.pk}/",
        reverse("planning:edit", args=[activity.pk]),
        reverse("planning:copy", args=[activity.pk]),
        reverse("planning:cancel", args=[activity.pk]),
    ):
        assert f'href="{url}"' in html, url


def test_a_draft_has_no_link_to_a_public_page(coordinator_client):
    activity = factories.ActivityFactory(status="draft")
    html = coordinator_client.get(detail_url(activity)).content.decode()
    assert f'href="/activities/{activity.pk}/"' not in html


def test_detail_shows_how_many_volunteers_work_on_each_task(coordinator_client):
    task = factories.TaskFactory(places=3, title="Afiş tasarımı")
    TaskAssignment.objects.create(
        task=task,
        volunteer=factories.VolunteerFactory(),
        status=TaskAssignment.Status.DELIVERED,
        claimed_at=task.activity.created_at,
    )
    html = coordinator_client.get(detail_url(task.activity)).content.decode()
    row = html.split("Afiş tasarımı</th>", 1)[1].split("</tr>", 1)[0]
    assert '<td class="numeric">1 / 3</td>' in row
