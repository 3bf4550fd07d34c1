"""A coordinator scoped to Translation works only on Translation applications: in the queue,
its counts and search, a page opened by id, a decision and a bulk decision alike."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied

from esit.applications import services
from esit.applications.models import Application
from tests import factories
from tests.accounts.test_scope import scoped
from tests.applications.review.conftest import decide_url, detail_url

QUEUE = "/staff/applications/"


@pytest.fixture
def translation_coordinator(db):
    return scoped(factories.StaffFactory(role="coordinator"), areas=["translation"])


@pytest.fixture
def scoped_client(client, translation_coordinator):
    client.force_login(translation_coordinator)
    return client


@pytest.fixture
def translation(db):
    return factories.ApplicationFactory(
        first_name="Çevirmen", last_name="Aslı", areas=[factories.area("translation")]
    )


@pytest.fixture
def field_research(db):
    return factories.ApplicationFactory(
        first_name="Sahacı", last_name="Işıl", areas=[factories.area("field-research")]
    )


def listed(response) -> set[int]:
    return {application.pk for application in response.context["page_obj"]}


def test_the_queue_lists_only_the_scope(scoped_client, translation, field_research):
    assert listed(scoped_client.get(QUEUE)) == {translation.pk}


def test_a_search_does_not_find_what_is_outside_the_scope(scoped_client, field_research):
    assert listed(scoped_client.get(QUEUE, {"q": "ışıl"})) == set()


def test_an_application_outside_the_scope_is_not_found_by_id(scoped_client, field_research):
    assert scoped_client.get(detail_url(field_research)).status_code == 404


def test_a_decision_outside_the_scope_is_not_found(scoped_client, field_research):
    response = scoped_client.post(decide_url(field_research), {"decision": "approve"})
    assert response.status_code == 404
    field_research.refresh_from_db()
    assert field_research.status == Application.Status.SUBMITTED


def test_a_bulk_decision_cannot_reach_outside_the_scope(scoped_client, translation, field_research):
    response = scoped_client.post(
        "/staff/applications/bulk/",
        {"applications": [translation.pk, field_research.pk], "decision": "approve"},
    )
    assert response.status_code == 200
    assert response.context["bulk_form"].errors["applications"]
    field_research.refresh_from_db()
    assert field_research.status == Application.Status.SUBMITTED


def test_the_front_page_counts_only_the_scope(scoped_client, translation, field_research):
    html = scoped_client.get("/staff/").content.decode()
    assert f"/staff/applications/{translation.pk}/" in html
    assert f"/staff/applications/{field_research.pk}/" not in html


def test_the_service_refuses_a_decision_outside_the_scope(translation_coordinator, field_research):
    with pytest.raises(PermissionDenied):
        services.approve_application(application=field_research, by=translation_coordinator)
    field_research.refresh_from_db()
    assert field_research.status == Application.Status.SUBMITTED


def test_an_unscoped_coordinator_sees_every_application(
    coordinator_client, translation, field_research
):
    assert listed(coordinator_client.get(QUEUE)) == {translation.pk, field_research.pk}


def test_a_coordinator_without_the_capability_is_refused(coordinator_client, coordinator):
    review = Permission.objects.get(codename="review_applications")
    Group.objects.get(name="coordinator").permissions.remove(review)
    assert coordinator_client.get(QUEUE).status_code == 403
    assert 'href="/staff/applications/"' not in coordinator_client.get("/staff/").content.decode()
