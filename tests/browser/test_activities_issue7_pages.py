"""Staff and volunteer pages of activities, in a real Chromium and both languages, with no WCAG 2.2
AA violation: the participant list, adding a volunteer to a shift (also with the
requirements refusal), assigning a task outside its requirements, the confirmation steps of
destructive actions, and the activity page's reasons instead of buttons."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from esit.activities.models import Participant
from esit.privacy.services import record_consent
from tests import factories
from tests.activities.signups.conftest import fill, make_shift
from tests.browser.conftest import axe_violations, choose_language

LANGUAGES = ["tr", "en"]


def sign_in_as(context, site, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )


def participant(activity, email, name, status="confirmed"):
    return Participant.objects.create(
        activity=activity,
        name=name,
        email=email,
        phone="+905321234567",
        status=status,
        consent=record_consent(email=email, ip="127.0.0.1", at=timezone.now()),
        registered_at=timezone.now() - datetime.timedelta(days=2),
    )


@pytest.fixture
def begun_workshop(live_db):
    starts = timezone.now() - datetime.timedelta(hours=1)
    activity = factories.ActivityFactory(
        public_registration=True,
        public_capacity=2,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=4),
    )
    participant(activity, "gulsen@example.org", "Gülşen Çağlar")
    participant(activity, "ilkay@example.org", "İlkay Işın")
    participant(activity, "derya@example.org", "Derya Öztürk", status="waitlisted")
    participant(activity, "sule@example.org", "Şule Ak", status="cancelled")
    return activity


@pytest.mark.parametrize("language", LANGUAGES)
def test_participant_list_has_no_accessibility_violations(page, site, begun_workshop, language):
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    choose_language(page.context, site, language)

    response = page.goto(f"{site}/staff/activities/{begun_workshop.pk}/participants/")

    assert response.status == 200
    expect(page.locator("table").first).to_contain_text("Gülşen Çağlar")
    assert axe_violations(page) == []


def test_marking_a_participant_attended_and_cancelling_another(page, site, begun_workshop):
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    choose_language(page.context, site, "tr")
    page.goto(f"{site}/staff/activities/{begun_workshop.pk}/participants/")

    gulsen = Participant.objects.get(email="gulsen@example.org")
    ilkay = Participant.objects.get(email="ilkay@example.org")

    with page.expect_navigation():
        page.locator(f"#participant-{gulsen.pk}").get_by_role("button", name="Katıldı").click()
    expect(page.get_by_text("Gülşen Çağlar katıldı olarak kaydedildi.")).to_be_visible()

    with page.expect_navigation():
        page.locator(f"#participant-{ilkay.pk}").get_by_role(
            "button", name="Kaydı iptal et"
        ).click()
    expect(page.get_by_role("heading", name="İlkay Işın kaydı iptal edilsin mi?")).to_be_visible()
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("button", name="Evet, kaydı iptal et").click()
    expect(
        page.get_by_text("İlkay Işın kaydı iptal edildi; katılımcıya e-posta gidiyor.")
    ).to_be_visible()
    # The workshop has begun: a place freed now is not offered to the waitlist any more.
    assert Participant.objects.get(email="derya@example.org").status == "waitlisted"


@pytest.fixture
def arabic_shift(live_db):
    shift = make_shift(capacity=2)
    shift.required_languages.set([factories.language("ar")])
    fill(shift, 1)
    return shift


@pytest.mark.parametrize("language", LANGUAGES)
def test_adding_a_volunteer_to_a_shift_has_no_accessibility_violations(
    page, site, arabic_shift, language
):
    factories.VolunteerFactory(user=factories.UserFactory(first_name="Nilüfer", last_name="Şen"))
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    choose_language(page.context, site, language)
    page.goto(f"{site}/staff/activities/{arabic_shift.activity_id}/roster/")

    page.locator(f"a[href='/staff/shifts/{arabic_shift.pk}/add-volunteer/']").click()
    page.locator("#id_q").fill("nilüfer")
    with page.expect_navigation():
        page.locator("#id_q").press("Enter")
    expect(page.locator("#id_volunteer")).to_be_visible()
    assert axe_violations(page) == []

    page.locator("#id_volunteer").select_option(index=1)
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("#id_override_requirements_error")).to_be_visible()
    assert axe_violations(page) == []

    page.locator("#id_override_requirements").check()
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator(".waived")).to_have_count(1)
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_assigning_a_task_outside_its_requirements_has_no_accessibility_violations(
    page, site, live_db, language
):
    task = factories.TaskFactory()
    task.required_areas.set([factories.area("digital-design")])
    volunteer = factories.VolunteerFactory()
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    choose_language(page.context, site, language)
    page.goto(
        f"{site}/staff/activities/{task.activity_id}/tasks/{task.pk}/assign/?q={volunteer.user.email}"
    )

    page.locator("#id_volunteer").select_option(str(volunteer.pk))
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()

    expect(page.locator("#id_override_requirements_error")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_volunteers_cancel_asks_first_without_accessibility_violations(page, site, language):
    volunteer = factories.VolunteerFactory()
    signup = factories.SignUpFactory(volunteer=volunteer, shift=make_shift(starts_in_hours=72))
    sign_in_as(page.context, site, volunteer.user)
    choose_language(page.context, site, language)
    page.goto(f"{site}/me/shifts/")

    with page.expect_navigation():
        page.locator(f"form[action='/activities/signups/{signup.pk}/cancel/'] button").click()

    expect(page.locator("main h1")).to_be_visible()
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.locator("main form button.button-danger").click()
    signup.refresh_from_db()
    assert signup.status == "cancelled"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_activity_pages_reasons_have_no_accessibility_violations(page, site, language):
    volunteer = factories.VolunteerFactory()
    late = make_shift(starts_in_hours=10, activity__cancellation_deadline_hours=24)
    factories.SignUpFactory(volunteer=volunteer, shift=late)
    start = late.starts_at + datetime.timedelta(hours=4)
    arabic = factories.ShiftFactory(
        activity=late.activity, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    arabic.required_languages.set([factories.language("ar")])
    sign_in_as(page.context, site, volunteer.user)
    choose_language(page.context, site, language)

    page.goto(f"{site}/activities/{late.activity_id}/")

    expect(page.locator("table.shifts .hint")).not_to_have_count(0)
    assert axe_violations(page) == []
