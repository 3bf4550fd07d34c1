"""Account security: passwords of at least 12 characters that are not common, an e-mail
whenever the password changes, and staff sessions that end after 8 idle hours."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from esit.notifications.models import Delivery
from tests import factories


@pytest.mark.parametrize("password", ["Kısa-parola", "password1234", "123456789012"])
def test_short_common_or_numeric_passwords_are_refused(password, db):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_twelve_character_uncommon_password_is_accepted(db):
    validate_password("Körfez-2026-x")


def test_changing_the_password_sends_an_email_to_the_owner(client, volunteer, run_on_commit):
    client.force_login(volunteer.user)
    with run_on_commit():
        response = client.post(
            "/accounts/password/change/",
            {
                "oldpassword": factories.PASSWORD,
                "password1": "Yeni-Parola-2026!",
                "password2": "Yeni-Parola-2026!",
            },
        )
    assert response.status_code == 302
    volunteer.user.refresh_from_db()
    assert volunteer.user.check_password("Yeni-Parola-2026!")
    (message,) = [m for m in mail.outbox if m.to == [volunteer.user.email]]
    assert message.subject == "Eşit İzmir · Parolanız değiştirildi"
    assert "Parolanız değiştirildi." in message.body
    # The way out when it was not her, as a whole link from SITE_URL.
    assert f"{settings.SITE_URL}/accounts/password/reset/" in message.body
    assert Delivery.objects.filter(
        recipient=volunteer.user, kind="accounts.password_changed"
    ).exists()


def test_a_staff_session_ends_after_eight_idle_hours(coordinator, settings):
    client = Client()
    client.force_login(coordinator)
    client.get("/staff/")

    assert client.session.get_expiry_age() == settings.STAFF_SESSION_IDLE_SECONDS
    assert settings.STAFF_SESSION_IDLE_SECONDS == 8 * 60 * 60


def test_a_volunteer_keeps_the_sites_longer_session(volunteer, settings):
    client = Client()
    client.force_login(volunteer.user)
    client.get("/me/")

    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
