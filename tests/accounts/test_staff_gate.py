"""Every page under /staff/ is for staff with two factors."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

from tests.accounts.helpers import current_totp_code, sign_in
from tests.factories import PASSWORD


def test_anonymous_visitor_is_sent_to_sign_in_and_back(client, db):
    response = client.get("/staff/applications/?status=submitted")

    assert response.status_code == 302
    assert response["Location"] == (
        "/accounts/login/?next=/staff/applications/%3Fstatus%3Dsubmitted"
    )


def test_volunteer_is_refused(volunteer_client):
    response = volunteer_client.get("/staff/")

    assert response.status_code == 403


def test_volunteer_is_refused_the_admin_too(volunteer_client):
    response = volunteer_client.get("/staff/admin/")

    assert response.status_code == 403


def test_staff_without_two_factor_is_sent_to_set_it_up(client, coordinator_without_two_factor):
    client.force_login(coordinator_without_two_factor)

    response = client.get("/staff/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_staff_member_without_two_factor_sets_it_up_and_then_gets_in(
    client, coordinator_without_two_factor
):
    sign_in(client, coordinator_without_two_factor.email)

    response = client.get("/staff/", follow=True)
    # allauth asks for the password once more before an authenticator can be added.
    assert response.redirect_chain[0][0] == "/accounts/2fa/totp/activate/"
    assert response.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    client.post(
        "/accounts/reauthenticate/",
        {"password": PASSWORD, "next": "/accounts/2fa/totp/activate/"},
    )
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    assert f'value="{secret}"' in page.content.decode()

    client.post("/accounts/2fa/totp/activate/", {"code": current_totp_code(secret)})

    assert Authenticator.objects.filter(user=coordinator_without_two_factor).exists()
    assert client.get("/staff/").status_code == 200


def test_coordinator_with_two_factor_is_let_in(coordinator_client):
    response = coordinator_client.get("/staff/")

    assert response.status_code == 200


def test_administrator_with_two_factor_is_let_in(client, administrator):
    client.force_login(administrator)

    response = client.get("/staff/")

    assert response.status_code == 200


def test_a_staff_session_that_never_passed_the_second_factor_is_asked_for_a_code(
    client, coordinator
):
    client.force_login(coordinator)
    session = client.session
    # Signed in with the password only, after the authenticator had been set up.
    session["account_authentication_methods"] = [{"method": "password", "at": time.time()}]
    session.save()

    response = client.get("/staff/applications/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")
    assert "next=/staff/applications/" in response["Location"]

    client.post(
        "/accounts/2fa/reauthenticate/",
        {"code": current_totp_code(coordinator.totp_secret), "next": "/staff/applications/"},
    )
    assert client.get("/staff/applications/").status_code == 200
