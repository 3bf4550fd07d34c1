"""`create_staff` makes a staff account with a password and two factors at the console: the
first administrator of a deployment signs in with both, and the audit trail says so."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from esit.accounts.models import User
from esit.audit.models import AuditEvent
from tests.accounts.helpers import current_totp_code, sign_in

SECRET = "ESITIZMIRSMOKEKOORDINATORAAAAAAA"
GOOD_PASSWORD = "uzun-ve-güçlü-bir-parola-2026"


def create(monkeypatch, *, password=GOOD_PASSWORD, email="sebnem@esitizmir.example"):
    monkeypatch.setenv("ESIT_STAFF_PASSWORD", password)
    out = StringIO()
    call_command(
        "create_staff",
        "--email", email, "--first-name", "Şebnem", "--last-name", "Işık",
        "--role", "coordinator", "--totp-secret", SECRET,
        stdout=out,
    )  # fmt: skip
    return out.getvalue()


@pytest.mark.django_db
def test_the_new_coordinator_signs_in_with_password_and_code(client, monkeypatch):
    output = create(monkeypatch)
    assert f"TOTP secret: {SECRET}" in output
    response = sign_in(client, "sebnem@esitizmir.example", password=GOOD_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    response = client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(SECRET)})
    assert response.status_code == 302
    assert client.get("/staff/applications/").status_code == 200


@pytest.mark.django_db
def test_the_account_is_recorded_in_the_audit_trail(monkeypatch):
    create(monkeypatch)
    member = User.objects.get(email="sebnem@esitizmir.example")
    event = AuditEvent.objects.get(action="team.staff_created")
    assert event.actor is None
    assert event.object_id == str(member.pk)


@pytest.mark.django_db
def test_an_existing_address_is_refused(monkeypatch):
    create(monkeypatch)
    with pytest.raises(CommandError, match="zaten var"):
        create(monkeypatch)


@pytest.mark.django_db
def test_a_weak_password_is_refused_and_nothing_is_made(monkeypatch):
    with pytest.raises(CommandError):
        create(monkeypatch, password="1234")
    assert not User.objects.exists()
