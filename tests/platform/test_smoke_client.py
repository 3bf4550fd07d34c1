"""The production smoke test's client (scripts/smoke.py) computes the codes allauth accepts and
reads the messages the file e-mail backend writes."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.mail import EmailMessage

from tests.platform.processes import script

smoke = script("smoke")

SECRET = "ESITIZMIRSMOKEKOORDINATORAAAAAAA"


def test_its_totp_code_is_the_one_allauth_expects():
    now = time.time()
    assert smoke.totp(SECRET, at=now) == format_hotp_value(hotp_value(SECRET, int(now) // 30))


def test_it_finds_a_message_in_the_file_backends_output(tmp_path, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(tmp_path)},
        }
    }
    EmailMessage(
        "Başvurunuz alındı",
        "Merhaba Gülşen, parolanızı belirleyin: https://x/accounts/password/reset/key/1-a/",
        to=["gulsen@esitizmir.example"],
    ).send()
    body = smoke.Mailbox(tmp_path).wait_for("gulsen@esitizmir.example", "Gülşen", timeout=1)
    assert "/accounts/password/reset/key/1-a/" in body


def test_waiting_for_a_message_that_never_comes_fails(tmp_path):
    with pytest.raises(smoke.Failure, match=r"nobody@esitizmir\.example"):
        smoke.Mailbox(tmp_path).wait_for("nobody@esitizmir.example", "x", timeout=0.2)
