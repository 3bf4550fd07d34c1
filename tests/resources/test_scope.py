"""Resource review stays inside the coordinator's scope: a coordinator scoped to one area
neither lists nor opens, publishes, rejects, edits or archives another area's resources."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from esit.accounts.models import StaffScope
from esit.resources import services
from esit.resources.models import Resource
from esit.resources.services import add_resource
from tests import factories

pytestmark = pytest.mark.django_db


def _proposal(volunteer, title, *areas):
    resource = add_resource(
        by=volunteer.user, title=title, kind="link", url="https://example.org/" + title[:4]
    )
    resource.areas.set(areas)
    return resource


@pytest.fixture
def translation_only(coordinator):
    StaffScope.objects.create(user=coordinator).areas.set([factories.area("translation")])
    return coordinator


@pytest.fixture
def ours(volunteer):
    return _proposal(volunteer, "Çeviri rehberi", factories.area("translation"))


@pytest.fixture
def theirs(volunteer):
    return _proposal(volunteer, "Atölye rehberi", factories.area("workshops"))


def test_the_queue_lists_only_the_resources_of_the_scope(
    translation_only, coordinator_client, ours, theirs, volunteer
):
    nowhere = _proposal(volunteer, "Alansız rehber")
    response = coordinator_client.get(reverse("resources:review"))
    assert [row.pk for row in response.context["page_obj"]] == [ours.pk]
    assert nowhere.pk not in [row.pk for row in response.context["page_obj"]]


@pytest.mark.parametrize("action", ["publish", "archive", "reject"])
def test_a_decision_outside_the_scope_is_not_found(
    translation_only, coordinator_client, theirs, action
):
    response = coordinator_client.post(
        reverse("resources:decide", args=[theirs.pk, action]), {"reject-reason": "Eksik."}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Resource.Status.PENDING


def test_editing_outside_the_scope_is_not_found(translation_only, coordinator_client, theirs):
    assert coordinator_client.get(reverse("resources:edit", args=[theirs.pk])).status_code == 404
    response = coordinator_client.post(
        reverse("resources:edit", args=[theirs.pk]),
        {"title": "Değişti", "kind": "link", "url": "https://example.org/x", "audience": "public"},
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Atölye rehberi"


def test_inside_the_scope_the_coordinator_decides(translation_only, coordinator_client, ours):
    response = coordinator_client.post(reverse("resources:decide", args=[ours.pk, "publish"]))
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.status == Resource.Status.PUBLISHED


def test_the_services_refuse_outside_the_scope(translation_only, theirs):
    with pytest.raises(PermissionDenied):
        services.publish_resource(by=translation_only, resource=theirs)
    with pytest.raises(PermissionDenied):
        services.archive_resource(by=translation_only, resource=theirs)
    with pytest.raises(PermissionDenied):
        services.reject_resource(by=translation_only, resource=theirs, reason="Eksik.")
    theirs.refresh_from_db()
    assert theirs.status == Resource.Status.PENDING


def test_a_district_only_scope_sees_every_resource(coordinator, coordinator_client, ours, theirs):
    StaffScope.objects.create(user=coordinator).districts.set([factories.district("bornova")])
    response = coordinator_client.get(reverse("resources:review"))
    assert {row.pk for row in response.context["page_obj"]} == {ours.pk, theirs.pk}


def test_a_published_resource_outside_the_scope_is_still_readable(
    translation_only, coordinator_client, coordinator, theirs
):
    services.publish_resource(by=factories.StaffFactory(role="coordinator"), resource=theirs)
    assert coordinator_client.get(reverse("resources:detail", args=[theirs.pk])).status_code == 200
