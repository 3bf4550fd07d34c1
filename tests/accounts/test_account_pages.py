"""allauth's pages wear our layout in both languages, with labelled fields and the error summary."""

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str

from tests.accounts.helpers import assert_in_our_layout, sign_in
from tests.factories import PASSWORD

# (language, the page's heading in our words: "parola", sentence case)
SIGN_IN = [("tr", "Giriş yap"), ("en", "Sign in")]
PASSWORD_RESET = [("tr", "Parolanızı sıfırlayın"), ("en", "Reset your password")]
SET_PASSWORD = [("tr", "Parolanızı belirleyin"), ("en", "Set your password")]
TWO_FACTOR = [("tr", "İki adımlı doğrulama"), ("en", "Two-factor authentication")]
CONFIRM_ACCESS = [("tr", "Kimliğinizi doğrulayın"), ("en", "Confirm it is you")]
ACTIVATE_APP = [("tr", "Doğrulama uygulaması ekleyin"), ("en", "Add an authenticator app")]


def speak(client, language):
    client.cookies["esit_language"] = language
    return client


@pytest.mark.parametrize(("language", "heading"), SIGN_IN)
def test_sign_in_page(client, db, language, heading):
    html = assert_in_our_layout(speak(client, language).get("/accounts/login/"), language)

    assert f"<h1>{heading}</h1>" in html
    assert '<label for="id_login">' in html
    assert '<label for="id_password">' in html
    assert "/accounts/signup/" not in html
    assert 'href="/apply/"' in html


@pytest.mark.parametrize(("language", "heading"), PASSWORD_RESET)
def test_password_reset_page(client, db, language, heading):
    html = assert_in_our_layout(speak(client, language).get("/accounts/password/reset/"), language)

    assert f"<h1>{heading}</h1>" in html
    assert '<label for="id_email">' in html


def test_password_reset_error_is_summarised_and_shown_next_to_the_field(client, db):
    response = client.post("/accounts/password/reset/", {"email": "not-an-address"})

    html = assert_in_our_layout(response, "tr")
    assert 'class="error-summary"' in html
    assert 'href="#id_email_group"' in html
    assert 'id="id_email_error"' in html
    assert 'aria-describedby="id_email_error"' in html
    assert 'value="not-an-address"' in html


@pytest.mark.parametrize(("language", "heading"), SET_PASSWORD)
def test_password_reset_from_key_page(client, volunteer, language, heading):
    user = volunteer.user
    key_url = (
        f"/accounts/password/reset/key/{user_pk_to_url_str(user)}-"
        f"{default_token_generator.make_token(user)}/"
    )

    response = speak(client, language).get(key_url, follow=True)

    html = assert_in_our_layout(response, language)
    assert f"<h1>{heading}</h1>" in html
    assert '<label for="id_password1">' in html
    assert '<label for="id_password2">' in html


def test_password_reset_from_key_refuses_mismatched_passwords_next_to_the_field(client, volunteer):
    user = volunteer.user
    key_url = (
        f"/accounts/password/reset/key/{user_pk_to_url_str(user)}-"
        f"{default_token_generator.make_token(user)}/"
    )
    form_url = client.get(key_url)["Location"]

    response = client.post(
        form_url, {"password1": "uzun-ve-guclu-parola-1", "password2": "baska-bir-parola-2"}
    )

    html = assert_in_our_layout(response, "tr")
    assert 'class="error-summary"' in html
    assert 'id="id_password2_error"' in html


@pytest.mark.parametrize(("language", "heading"), TWO_FACTOR)
def test_two_factor_overview_for_staff_without_it(
    client, coordinator_without_two_factor, language, heading
):
    client.force_login(coordinator_without_two_factor)

    html = assert_in_our_layout(speak(client, language).get("/accounts/2fa/"), language)

    assert f"<h1>{heading}</h1>" in html
    assert 'href="/accounts/2fa/totp/activate/"' in html


@pytest.mark.parametrize(("language", "heading"), CONFIRM_ACCESS)
def test_two_factor_activation_first_confirms_the_password(
    client, coordinator_without_two_factor, language, heading
):
    sign_in(client, coordinator_without_two_factor.email)

    response = speak(client, language).get("/accounts/2fa/totp/activate/", follow=True)

    html = assert_in_our_layout(response, language)
    assert f"<h1>{heading}</h1>" in html
    assert '<label for="id_password">' in html


@pytest.mark.parametrize(("language", "heading"), ACTIVATE_APP)
def test_two_factor_activation_page(client, coordinator_without_two_factor, language, heading):
    sign_in(client, coordinator_without_two_factor.email)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})

    response = speak(client, language).get("/accounts/2fa/totp/activate/")

    html = assert_in_our_layout(response, language)
    assert f"<h1>{heading}</h1>" in html
    assert 'class="qr-code"' in html
    assert '<label for="authenticator_secret">' in html
    assert '<label for="id_code">' in html


@pytest.mark.parametrize(("language", "heading"), TWO_FACTOR)
def test_two_factor_step_of_signing_in(client, coordinator, language, heading):
    sign_in(speak(client, language), coordinator.email)

    html = assert_in_our_layout(client.get("/accounts/2fa/authenticate/"), language)

    assert f"<h1>{heading}</h1>" in html
    assert '<label for="id_code">' in html
