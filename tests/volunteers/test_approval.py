"""Approval turns an applicant into a volunteer: account, profile, invitation, first sign-in."""

import re

from allauth.account.models import EmailAddress
from django.core import mail

from esit.accounts.models import User
from esit.applications.services import approve_application
from esit.volunteers import services
from esit.volunteers.models import Volunteer
from tests import factories

NEW_PASSWORD = "Dayanışma-İzmir-2026"


def _approve(coordinator, run_on_commit, **application_fields):
    fields = {
        "first_name": "Işıl",
        "last_name": "Güneş",
        "email": "isil.gunes@example.org",
        "phone": "+905301112233",
        "district": factories.district("karsiyaka"),
        "availability": (1 << 5) | (1 << 20),
        "areas": [factories.area("translation"), factories.area("digital-design")],
        "languages": [(factories.language("ar"), "native"), (factories.language("en"), "fluent")],
    }
    application = factories.ApplicationFactory(**(fields | application_fields))
    with run_on_commit():
        approve_application(application=application, by=coordinator)
    return application


def _invitation_path(message) -> str:
    match = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_approval_creates_an_account_in_the_volunteer_group(coordinator, run_on_commit):
    _approve(coordinator, run_on_commit)

    user = User.objects.get(email="isil.gunes@example.org")
    assert list(user.groups.values_list("name", flat=True)) == ["volunteer"]
    assert not user.has_usable_password()
    assert not user.is_staff_member
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == (
        "isil.gunes@example.org",
        True,
        True,
    )


def test_approval_copies_the_application_into_the_profile(coordinator, run_on_commit):
    application = _approve(coordinator, run_on_commit)

    volunteer = Volunteer.objects.get(user__email="isil.gunes@example.org")
    assert volunteer.application == application
    assert (volunteer.first_name, volunteer.last_name) == ("Işıl", "Güneş")
    assert volunteer.phone == "+905301112233"
    assert volunteer.district.slug == "karsiyaka"
    assert volunteer.availability == (1 << 5) | (1 << 20)
    assert volunteer.birth_date == application.birth_date
    assert {area.slug for area in volunteer.areas.all()} == {"translation", "digital-design"}
    assert {(k.language.code, k.level) for k in volunteer.languages.all()} == {
        ("ar", "native"),
        ("en", "fluent"),
    }
    assert volunteer.status == Volunteer.Status.ACTIVE
    assert volunteer.joined_at is not None
    assert volunteer.search_text == "ışıl güneş isil.gunes@example.org"


def test_approval_email_carries_an_invitation_link(coordinator, run_on_commit):
    _approve(coordinator, run_on_commit)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["isil.gunes@example.org"]
    assert "hoş geldiniz" in message.subject
    user = User.objects.get(email="isil.gunes@example.org")
    assert _invitation_path(message).startswith(
        f"/accounts/password/reset/key/{services.user_pk_to_url_str(user)}-"
    )


def test_no_email_is_sent_before_the_approval_commits(
    coordinator, django_capture_on_commit_callbacks
):
    application = factories.ApplicationFactory()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        approve_application(application=application, by=coordinator)

    assert callbacks
    assert mail.outbox == []


def test_invited_volunteer_sets_a_password_signs_in_and_reaches_me(
    client, coordinator, run_on_commit
):
    _approve(coordinator, run_on_commit)
    invitation = _invitation_path(mail.outbox[0])

    # allauth keeps the key in the session and hides it from the address bar.
    response = client.get(invitation)
    assert response.status_code == 302
    set_password_url = response["Location"]
    assert set_password_url.endswith("-set-password/")
    response = client.get(set_password_url)
    assert response.status_code == 200
    assert 'name="password1"' in response.content.decode()

    response = client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert User.objects.get(email="isil.gunes@example.org").check_password(NEW_PASSWORD)

    response = client.post(
        "/accounts/login/",
        {"login": "isil.gunes@example.org", "password": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1] == ("/me/", 302)
    page = response.content.decode()
    assert "Hoş geldiniz, Işıl" in page
    assert "Karşıyaka" in page
    assert "Arapça (Ana dil)" in page


def test_an_invitation_link_works_only_once(client, coordinator, run_on_commit):
    _approve(coordinator, run_on_commit)
    invitation = _invitation_path(mail.outbox[0])
    set_password_url = client.get(invitation)["Location"]
    client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    response = type(client)().get(invitation, follow=True)

    assert response.context["token_fail"] is True
    assert 'name="password1"' not in response.content.decode()
    assert User.objects.get(email="isil.gunes@example.org").check_password(NEW_PASSWORD)


def test_reapproving_someone_who_left_reactivates_the_same_account(
    coordinator, run_on_commit, volunteer
):
    user = volunteer.user
    services.withdraw_from_programme(volunteer=volunteer)

    _approve(coordinator, run_on_commit, email=user.email)

    assert User.objects.filter(email=user.email).count() == 1
    fresh = Volunteer.objects.get(user=user)
    assert fresh.pk == volunteer.pk
    assert fresh.joined_at == volunteer.joined_at
    assert fresh.status == Volunteer.Status.ACTIVE
    assert fresh.left_at is None
    assert (fresh.notify_announcements, fresh.notify_activities, fresh.notify_reminders) == (
        True,
        True,
        True,
    )
    assert fresh.district.slug == "karsiyaka"
    assert {area.slug for area in fresh.areas.all()} == {"translation", "digital-design"}
    # The password they had still works; the invitation lets them choose a new one.
    assert User.objects.get(pk=user.pk).check_password(factories.PASSWORD)
    assert list(User.objects.get(pk=user.pk).groups.values_list("name", flat=True)) == ["volunteer"]
    assert mail.outbox[0].to == [user.email]


def test_reactivated_volunteer_sees_the_full_dashboard_again(
    client, coordinator, run_on_commit, volunteer
):
    services.withdraw_from_programme(volunteer=volunteer)
    _approve(coordinator, run_on_commit, email=volunteer.user.email)
    client.force_login(volunteer.user)

    page = client.get("/me/").content.decode()

    assert "Programdan ayrıldınız" not in page
    assert 'href="/me/profile/"' in page
    assert "Karşıyaka" in page
