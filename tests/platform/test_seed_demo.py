"""`seed_demo` fills a living demo and running it again changes nothing."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user
from django.core.management import CommandError, call_command

from esit.accounts.models import User
from esit.applications.models import Application, ApplicationLanguage, Decision
from esit.core.management.commands.seed_demo import DEMO_PASSWORD, STAFF
from esit.privacy.models import ConsentRecord
from esit.volunteers.models import Volunteer
from tests.accounts.helpers import current_totp_code, sign_in

MODELS = [
    User,
    EmailAddress,
    Authenticator,
    Application,
    ApplicationLanguage,
    Decision,
    ConsentRecord,
    Volunteer,
]


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seed_demo_twice_changes_nothing(db, mailoutbox):
    seed()
    first = counts()
    passwords = dict(User.objects.values_list("email", "password"))

    seed()

    assert counts() == first
    assert dict(User.objects.values_list("email", "password")) == passwords


def test_seed_demo_fills_every_application_status(db, mailoutbox):
    seed()

    for status in Application.Status:
        assert Application.objects.filter(status=status).exists(), status
    assert Application.objects.count() >= 20
    assert not Application.objects.filter(status="rejected", decision_reason="").exists()
    approved = Application.objects.filter(status="approved")
    assert Volunteer.objects.filter(application__in=approved).count() == approved.count()


def test_seed_demo_sends_no_mail(db, mailoutbox):
    seed()

    assert mailoutbox == []


def test_seed_demo_prints_working_logins(client, db, mailoutbox):
    output = seed()

    for member in STAFF:
        assert member.email in output
        assert member.totp_secret in output
    assert DEMO_PASSWORD in output
    coordinator = next(member for member in STAFF if member.role == "coordinator")
    sign_in(client, coordinator.email, password=DEMO_PASSWORD)
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(coordinator.totp_secret)})
    assert get_user(client).email == coordinator.email
    assert client.get("/staff/").status_code == 200


def test_seed_demo_volunteer_can_sign_in(client, db, mailoutbox):
    seed()

    sign_in(client, "gonullu@esitizmir.example", password=DEMO_PASSWORD)

    assert get_user(client).volunteer.is_active


def test_seed_demo_refuses_to_run_in_production(db, settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError):
        seed()
    assert not Application.objects.exists()


def test_seed_demo_refuses_to_run_on_a_server_reachable_by_others(db, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "gonullu.izmir.bel.tr"]

    with pytest.raises(CommandError, match=r"gonullu\.izmir\.bel\.tr"):
        seed()
    assert not Application.objects.exists()
