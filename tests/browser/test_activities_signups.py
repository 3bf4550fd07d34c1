"""Shift pages in a real Chromium: no WCAG 2.2 AA violation on /me/shifts/, an activity page as
a volunteer sees it, the roster and the check-in page (with an error too), in Turkish and in
English; a scanned code checks someone in."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from esit.activities.models import SignUp
from esit.activities.services.signups import coming_token
from tests import factories
from tests.activities.signups.conftest import fill, make_shift
from tests.browser.conftest import axe_violations, choose_language, sign_in

LANGUAGES = ["tr", "en"]


def sign_in_as(context, site, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )


def busy_activity():
    """An activity with a running shift and a later one, with sign-ups in every state."""
    running = make_shift(starts_in_hours=-0.5, length_hours=3, capacity=3, newcomer_places=1)
    reminded = timezone.now() - datetime.timedelta(hours=3)
    fill(running, 2, reminder_sent_at=reminded)
    fill(running, 1, status="pending")
    fill(running, 2, status="waitlisted")
    fill(running, 1, status="cancelled")
    later_start = running.starts_at + datetime.timedelta(days=1)
    later = factories.ShiftFactory(
        activity=running.activity,
        starts_at=later_start,
        ends_at=later_start + datetime.timedelta(hours=2),
    )
    fill(later, 1, attendance="unknown", coming_confirmed_at=timezone.now())
    return running


@pytest.mark.parametrize("language", LANGUAGES)
def test_my_shifts_has_no_accessibility_violations(page, site, language):
    volunteer = factories.VolunteerFactory()
    soon = make_shift(starts_in_hours=20, activity__cancellation_deadline_hours=24)
    factories.SignUpFactory(volunteer=volunteer, shift=soon, reminder_sent_at=timezone.now())
    full = make_shift(starts_in_hours=72, capacity=1)
    fill(full, 1)
    factories.SignUpFactory(volunteer=volunteer, shift=full, status="waitlisted")
    factories.SignUpFactory(
        volunteer=volunteer, shift=make_shift(starts_in_hours=-48), attendance="attended"
    )
    sign_in_as(page.context, site, volunteer.user)
    choose_language(page.context, site, language)

    response = page.goto(f"{site}/me/shifts/")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator("button[disabled]")).to_have_count(1)
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_confirm_coming_page_has_no_accessibility_violations(page, site, language):
    signup = factories.SignUpFactory(shift=make_shift(starts_in_hours=20))
    choose_language(page.context, site, language)

    page.goto(f"{site}/activities/signups/confirm/{coming_token(signup)}/")
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    signup.refresh_from_db()
    assert signup.coming_confirmed_at is not None
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_roster_and_check_in_have_no_accessibility_violations(page, site, language):
    shift = busy_activity()
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    choose_language(page.context, site, language)

    for path in [
        f"/staff/activities/{shift.activity_id}/roster/",
        f"/staff/shifts/{shift.pk}/check-in/",
    ]:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_roster_does_not_scroll_sideways_on_a_phone(page, site, language):
    # Its tables scroll in their own boxes; the buttons' hidden names ("Kaydı iptal et: Ayşe
    # Yılmaz") once stood past the page's edge, so the whole page scrolled sideways.
    shift = busy_activity()
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    choose_language(page.context, site, language)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site}/staff/activities/{shift.activity_id}/roster/")
    expect(page.locator("table").first).to_be_visible()
    overflow = page.evaluate(
        "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )
    assert overflow <= 0


def test_a_coordinator_approves_and_cancels_from_the_kept_roster(page, site):
    # The roster's buttons submit its one form (with her token) to their own addresses: the
    # rows are kept rendered for every coordinator, the token is never in them.
    shift = make_shift(capacity=3, activity__requires_approval=True)
    (pending,) = fill(shift, 1, status="pending")
    (confirmed,) = fill(shift, 1)
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    choose_language(page.context, site, "tr")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site}/staff/activities/{shift.activity_id}/roster/")
    page.goto(f"{site}/staff/activities/{shift.activity_id}/roster/")  # from the kept copy

    with page.expect_navigation():
        page.locator(f'button[formaction="/staff/signups/{pending.pk}/approve/"]').click()
    expect(page.get_by_text(f"{pending.volunteer.full_name} kaydı onaylandı")).to_be_visible()

    name = confirmed.volunteer.full_name
    with page.expect_navigation():
        page.locator(f'button[formaction="/staff/signups/{confirmed.pk}/cancel/"]').click()
    expect(page.get_by_role("heading", name=f"{name} kaydı iptal edilsin mi?")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Evet, kaydı iptal et").click()
    expect(page.get_by_text(f"{name} kaydı iptal edildi")).to_be_visible()
    assert SignUp.objects.get(pk=pending.pk).status == SignUp.Status.CONFIRMED
    assert SignUp.objects.get(pk=confirmed.pk).status == SignUp.Status.CANCELLED


def test_check_in_with_an_error_has_no_accessibility_violations(page, site):
    shift = busy_activity()
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    page.goto(f"{site}/staff/shifts/{shift.pk}/check-in/")

    page.locator("#id_code").fill("YANLIS-KOD")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.locator("#id_code_error")).to_be_visible()
    expect(page.locator("#id_code")).to_have_value("YANLIS-KOD")
    assert axe_violations(page) == []


def test_a_scanned_code_and_enter_check_the_volunteer_in(page, site):
    shift = busy_activity()
    signup = SignUp.objects.filter(shift=shift, status="confirmed").first()
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    page.goto(f"{site}/staff/shifts/{shift.pk}/check-in/")

    # A handheld scanner types into the focused field and presses Enter.
    page.keyboard.type(signup.volunteer.checkin_code)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    signup.refresh_from_db()
    assert signup.attendance == SignUp.Attendance.ATTENDED
    expect(page.locator("table").first.get_by_text(signup.volunteer.full_name)).to_have_count(1)
    assert page.evaluate("() => document.activeElement.id") == "id_code"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_volunteers_view_of_an_activity_has_no_accessibility_violations(page, site, language):
    volunteer = factories.VolunteerFactory()
    mine = make_shift(starts_in_hours=48)
    activity = mine.activity
    signup = factories.SignUpFactory(volunteer=volunteer, shift=mine)
    other_start = mine.starts_at + datetime.timedelta(days=1)
    other = factories.ShiftFactory(
        activity=activity,
        starts_at=other_start,
        ends_at=other_start + datetime.timedelta(hours=2),
    )
    task = factories.TaskFactory(activity=activity)
    choose_language(page.context, site, language)
    sign_in(page, site, volunteer.user.email, factories.PASSWORD)
    page.wait_for_url(f"{site}/me/")

    response = page.goto(f"{site}/activities/{activity.pk}/")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    shifts = page.locator("table.shifts")
    expect(shifts.locator(".status-badge.status-confirmed")).to_have_count(1)
    cancel = reverse("signups:cancel", args=[signup.pk])
    sign_up = reverse("signups:sign_up", args=[other.pk])
    claim = reverse("work:claim_task", args=[task.pk])
    expect(shifts.locator(f"form[action='{cancel}'] button[type=submit]")).to_have_count(1)
    expect(shifts.locator(f"form[action='{sign_up}'] button[type=submit]")).to_have_count(1)
    expect(page.locator(f"table.tasks form[action='{claim}'] button[type=submit]")).to_have_count(1)
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_roster_of_several_pages_has_no_accessibility_violations(
    page, site, language, monkeypatch
):
    from esit.activities.selectors import signups as roster_selectors

    monkeypatch.setattr(roster_selectors, "ROSTER_PAGE_SIZE", 3)
    shift = busy_activity()
    sign_in_as(page.context, site, factories.StaffFactory(role="coordinator"))
    choose_language(page.context, site, language)

    for number in (1, 2, 3):
        response = page.goto(f"{site}/staff/activities/{shift.activity_id}/roster/?page={number}")
        assert response.status == 200
        expect(page.locator("nav.pagination").first).to_be_visible()
        assert axe_violations(page) == [], number
