"""Every page carries the same strict Content-Security-Policy: our own scripts,
styles and images only, no inline script, no framing. Public pages, /me/, the staff workspace,
the admin, allauth's pages and the error pages alike.
"""

import pytest
from django.test import Client

from esit.reference.models import District
from tests import factories

EXPECTED = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}


def policy(response) -> dict[str, list[str]]:
    assert "Content-Security-Policy-Report-Only" not in response.headers
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


@pytest.fixture
def volunteer_session(volunteer):
    client = Client()
    client.force_login(volunteer.user)
    return client


@pytest.fixture
def staff_session(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


@pytest.fixture
def administrator_session(db):
    client = Client()
    client.force_login(factories.StaffFactory(role="administrator", is_superuser=True))
    return client


PUBLIC = ["/", "/apply/", "/apply/thanks/", "/activities/", "/privacy/", "/accounts/login/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_carry_the_policy(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert policy(response) == EXPECTED


@pytest.mark.parametrize("path", ["/me/", "/me/profile/", "/me/notifications/"])
def test_a_volunteers_pages_carry_the_policy(volunteer_session, path):
    response = volunteer_session.get(path)

    assert response.status_code == 200
    assert policy(response) == EXPECTED


@pytest.mark.parametrize("path", ["/staff/", "/staff/applications/"])
def test_staff_pages_carry_the_policy(staff_session, path):
    response = staff_session.get(path)

    assert response.status_code == 200
    assert policy(response) == EXPECTED


def test_the_admin_carries_the_policy(administrator_session):
    district = District.objects.get(slug="konak")

    response = administrator_session.get(f"/staff/admin/reference/district/{district.pk}/change/")

    assert response.status_code == 200
    assert policy(response) == EXPECTED


def test_the_two_factor_pages_carry_the_policy(staff_session):
    response = staff_session.get("/accounts/2fa/")

    assert response.status_code == 200
    assert policy(response) == EXPECTED


@pytest.mark.django_db
def test_the_not_found_page_carries_the_policy(client):
    response = client.get("/bu-sayfa-yok/")

    assert response.status_code == 404
    assert policy(response) == EXPECTED


def test_the_forbidden_page_carries_the_policy(volunteer_session):
    response = volunteer_session.get("/staff/")

    assert response.status_code == 403
    assert policy(response) == EXPECTED


@pytest.mark.django_db
def test_the_too_many_requests_page_carries_the_policy(client, settings):
    settings.APPLY_RATE_LIMIT = "1/h"
    client.post("/apply/", {})

    response = client.post("/apply/", {})

    assert response.status_code == 429
    assert policy(response) == EXPECTED


def test_the_outage_page_carries_the_policy(outage):
    client = Client(raise_request_exception=False)
    with outage():
        response = client.get("/apply/")

    assert response.status_code == 503
    assert policy(response) == EXPECTED


def test_the_health_check_carries_the_policy(client, db):
    response = client.get("/healthz")

    assert policy(response) == EXPECTED


def test_every_page_switches_off_the_browser_features_it_does_not_use(client, db):
    response = client.get("/")
    policy_header = response["Permissions-Policy"]
    assert "camera=(self)" in policy_header  # the check-in scanner
    assert "geolocation=()" in policy_header
    assert "microphone=()" in policy_header
