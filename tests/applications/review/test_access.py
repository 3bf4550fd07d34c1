"""Only coordinators and administrators with two factors reach the review workspace."""

import pytest
from django.urls import reverse

from esit.applications.models import Application
from tests.applications.review.conftest import decide_url, detail_url
from tests.factories import ApplicationFactory

STAFF_PAGES = ["staff:dashboard", "review:list"]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_anonymous_visitor_is_sent_to_sign_in(client, db, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]


def test_anonymous_visitor_cannot_open_an_application(client, db):
    application = ApplicationFactory()
    response = client.get(detail_url(application))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_volunteer_cannot_open_the_queue(volunteer_client):
    response = volunteer_client.get(reverse("review:list"))
    assert response.status_code == 403


def test_volunteer_cannot_decide(volunteer_client):
    application = ApplicationFactory()
    response = volunteer_client.post(decide_url(application), {"decision": "approve"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_staff_without_two_factor_is_sent_to_set_it_up(client, coordinator_without_two_factor):
    client.force_login(coordinator_without_two_factor)
    response = client.get(reverse("review:list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_without_two_factor_cannot_decide(client, coordinator_without_two_factor):
    application = ApplicationFactory()
    client.force_login(coordinator_without_two_factor)
    response = client.post(decide_url(application), {"decision": "approve"})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_administrator_can_open_the_queue(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("review:list"))
    assert response.status_code == 200


def test_decisions_refuse_get_requests(coordinator_client):
    application = ApplicationFactory()
    response = coordinator_client.get(decide_url(application))
    assert response.status_code == 405
