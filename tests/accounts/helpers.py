"""Small helpers shared by the account tests: signing in the way a person does."""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from tests.factories import PASSWORD


def current_totp_code(secret: str) -> str:
    """The code an authenticator app shows right now for this secret."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def sign_in(client, email: str, *, password: str = PASSWORD, next_url: str = "", **headers):
    data = {"login": email, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/accounts/login/", data, **headers)


def assert_in_our_layout(response, language: str) -> str:
    """The page uses base.html: skip link, landmarks, language switcher, quick exit."""
    assert response.status_code == 200
    assert response["Content-Language"] == language
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<header class="site-header">' in html
    assert '<footer class="site-footer">' in html
    assert 'action="/i18n/setlang/"' in html
    assert "data-quick-exit" in html
    assert "esit/esit.css" in html
    return html
