"""Approval turns an applicant into a volunteer: account, profile, invitation, first sign-in."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.core import mail

from esit.accounts.models import User
from esit.applications.models import Application
from esit.applications.services import ApplicationError, approve_application
from esit.notifications import preferences
from esit.notifications.models import Preference
from esit.volunteers import services
from esit.volunteers.models import Volunteer, VolunteerLanguage
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
        f"/accounts/password/reset/key/{user_pk_to_url_str(user)}-"
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


# Rejoining ---------------------------------------------------------------------------------


@pytest.fixture
def former_volunteer(volunteer):
    """Someone who volunteered (Konak, translation, English) and left the programme."""
    VolunteerLanguage.objects.create(
        volunteer=volunteer, language=factories.language("en"), level="fluent"
    )
    return services.withdraw_from_programme(volunteer=volunteer)


def test_a_former_volunteer_who_rejoins_gets_her_own_account_and_profile_back(
    coordinator, run_on_commit, former_volunteer
):
    user = former_volunteer.user

    _approve(coordinator, run_on_commit, email=user.email)

    assert User.objects.filter(email=user.email).count() == 1
    fresh = Volunteer.objects.get(user=user)
    assert fresh.pk == former_volunteer.pk
    assert fresh.joined_at == former_volunteer.joined_at
    assert (fresh.status, fresh.left_at) == (Volunteer.Status.ACTIVE, None)
    # The password they had still works.
    assert User.objects.get(pk=user.pk).check_password(factories.PASSWORD)
    assert list(User.objects.get(pk=user.pk).groups.values_list("name", flat=True)) == ["volunteer"]


def test_rejoining_switches_the_email_she_turned_off_by_leaving_back_on(
    coordinator, run_on_commit, former_volunteer
):
    _approve(coordinator, run_on_commit, email=former_volunteer.user.email)

    assert set(preferences.choices_of(former_volunteer.user).values()) == {True}
    assert not Preference.objects.filter(user=former_volunteer.user).exists()


def test_rejoining_does_not_copy_the_new_application_over_her_profile(
    coordinator, run_on_commit, former_volunteer
):
    application = _approve(coordinator, run_on_commit, email=former_volunteer.user.email)

    fresh = Volunteer.objects.get(pk=former_volunteer.pk)
    assert (fresh.phone, fresh.district.slug) == (former_volunteer.phone, "konak")
    assert fresh.availability == former_volunteer.availability
    assert {area.slug for area in fresh.areas.all()} == {"translation"}
    assert {(k.language.code, k.level) for k in fresh.languages.all()} == {("en", "fluent")}
    # The new details stay on the application, where staff see them.
    application.refresh_from_db()
    assert (application.phone, application.district.slug) == ("+905301112233", "karsiyaka")


def test_the_rejoined_profile_points_at_the_application_that_brought_her_back(
    coordinator, run_on_commit, former_volunteer
):
    application = _approve(coordinator, run_on_commit, email=former_volunteer.user.email)

    fresh = Volunteer.objects.get(pk=former_volunteer.pk)
    assert fresh.application == application
    services.withdraw_from_programme(volunteer=fresh)  # leaving again withdraws that consent
    application.consent.refresh_from_db()
    assert application.consent.withdrawn_at is not None


def test_a_rejoining_volunteer_is_welcomed_back_and_asked_to_check_her_profile(
    coordinator, run_on_commit, former_volunteer
):
    _approve(coordinator, run_on_commit, email=former_volunteer.user.email)

    assert [message.to for message in mail.outbox] == [[former_volunteer.user.email]]
    message = mail.outbox[0]
    assert "yeniden hoş geldiniz" in message.subject
    assert "http://testserver/me/profile/" in message.body
    assert "/accounts/password/reset/key/" not in message.body  # her password still works


def test_reactivated_volunteer_sees_the_full_dashboard_again(
    client, coordinator, run_on_commit, former_volunteer
):
    _approve(coordinator, run_on_commit, email=former_volunteer.user.email)
    client.force_login(former_volunteer.user)

    page = client.get("/me/").content.decode()

    assert "Programdan ayrıldınız" not in page
    assert 'href="/me/profile/"' in page
    assert "Konak" in page


# Never over an existing profile ---------------------------------------------------------------


def test_approving_an_active_volunteer_s_address_is_refused_and_changes_nothing(
    coordinator, run_on_commit, volunteer
):
    # An application from before the rule, or sent while she was still an applicant.
    application = factories.ApplicationFactory(
        email=volunteer.user.email, district=factories.district("bornova")
    )

    with run_on_commit(), pytest.raises(ApplicationError) as refused:
        approve_application(application=application, by=coordinator)

    assert "etkin bir gönüllüye ait" in str(refused.value.message)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    fresh = Volunteer.objects.get(pk=volunteer.pk)
    assert (fresh.district.slug, fresh.phone) == ("konak", volunteer.phone)
    assert mail.outbox == []


def test_approving_a_phone_on_another_active_volunteer_s_profile_is_refused(coordinator, volunteer):
    application = factories.ApplicationFactory(phone=volunteer.phone)

    with pytest.raises(ApplicationError):
        approve_application(application=application, by=coordinator)

    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert Volunteer.objects.count() == 1
