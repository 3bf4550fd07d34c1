"""Sign-in by e-mail; staff give a second factor; nobody signs up on their own."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user

from esit.accounts.models import User
from tests.accounts.helpers import current_totp_code, sign_in


def test_volunteer_signs_in_with_email_and_password(client, volunteer):
    response = sign_in(client, volunteer.user.email)

    assert response.status_code == 302
    assert get_user(client) == volunteer.user


def test_email_is_matched_without_regard_to_case(client, volunteer):
    sign_in(client, volunteer.user.email.upper())

    assert get_user(client) == volunteer.user


def test_wrong_password_is_refused_with_a_message(client, volunteer):
    response = sign_in(client, volunteer.user.email, password="not-the-password")

    assert response.status_code == 200
    assert not get_user(client).is_authenticated
    assert 'class="error-summary"' in response.content.decode()


def test_unverified_email_cannot_sign_in(client, volunteer):
    EmailAddress.objects.filter(user=volunteer.user).update(verified=False)

    sign_in(client, volunteer.user.email)

    assert not get_user(client).is_authenticated


def test_staff_member_is_asked_for_the_authenticator_code(client, coordinator):
    response = sign_in(client, coordinator.email, next_url="/staff/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not get_user(client).is_authenticated


def test_staff_member_with_the_right_code_reaches_the_staff_pages(client, coordinator):
    sign_in(client, coordinator.email, next_url="/staff/")

    response = client.post(
        "/accounts/2fa/authenticate/", {"code": current_totp_code(coordinator.totp_secret)}
    )

    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    assert get_user(client) == coordinator
    assert client.get("/staff/").status_code == 200


def test_staff_member_without_next_lands_on_the_staff_pages(client, coordinator):
    sign_in(client, coordinator.email)
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(coordinator.totp_secret)})

    response = client.get("/accounts/welcome/")

    assert response["Location"] == "/staff/"


def test_a_wrong_code_keeps_the_staff_member_out(client, coordinator):
    right = current_totp_code(coordinator.totp_secret)
    sign_in(client, coordinator.email)

    response = client.post(
        "/accounts/2fa/authenticate/", {"code": f"{(int(right) + 1) % 1_000_000:06d}"}
    )

    assert response.status_code == 200
    assert not get_user(client).is_authenticated
    assert client.get("/staff/").status_code == 302


def test_signup_is_closed(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "yeni@example.org",
            "password1": "uzun-bir-parola-1",
            "password2": "uzun-bir-parola-1",
        },
    )

    assert response.status_code == 200
    assert "account/signup_closed.html" in [t.name for t in response.templates]
    assert not User.objects.filter(email="yeni@example.org").exists()
