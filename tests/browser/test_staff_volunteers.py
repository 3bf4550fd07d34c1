"""Volunteers for staff in Chromium: no WCAG 2.2 AA violation on the list and a volunteer's
page, in Turkish and English on a phone; a coordinator finds a volunteer, pauses her after
the confirmation step, and she can no longer sign up."""

import pytest
from playwright.sync_api import expect

from esit.volunteers.models import Volunteer
from tests import factories
from tests.browser.conftest import axe_violations, choose_language
from tests.browser.test_layout import sign_in


def _volunteer(first_name: str, last_name: str, **kwargs) -> Volunteer:
    user = factories.UserFactory(first_name=first_name, last_name=last_name)
    return factories.VolunteerFactory(user=user, **kwargs)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_list_and_a_volunteer_s_page_have_no_accessibility_violations(page, site, language):
    page.set_viewport_size({"width": 390, "height": 844})
    ayse = _volunteer("Ayşe", "Yılmaz")
    factories.SignUpFactory(volunteer=ayse, attendance="attended")
    factories.HoursEntryFactory(volunteer=ayse, status="approved")
    _volunteer("Işıl", "Kaya", status="paused")
    sign_in(page.context, site, factories.StaffFactory(role="administrator"))
    choose_language(page.context, site, language)
    for path in ["/staff/volunteers/", f"/staff/volunteers/{ayse.pk}/"]:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], path


def test_a_coordinator_pauses_a_volunteer_who_then_cannot_sign_up(page, browser, site):
    isil = _volunteer("Işıl", "Kaya")
    _volunteer("Zehra", "Acar")
    shift = factories.ShiftFactory()
    sign_in(page.context, site, factories.StaffFactory(role="coordinator"))

    page.goto(f"{site}/staff/volunteers/")
    page.fill("input[name=q]", "IŞIL")
    page.locator("form.filters button[type=submit]").click()
    results = page.locator("#directory-results")
    expect(results.locator("tbody tr")).to_have_count(1)
    results.get_by_role("link", name="Işıl Kaya").click()

    expect(page.locator("h1")).to_have_text("Işıl Kaya")
    page.get_by_role("button", name="Gönüllüyü duraklat").click()
    expect(page.locator("h1")).to_contain_text("duraklatılsın mı?")
    page.get_by_role("button", name="Evet, duraklat").click()
    expect(page.locator(".status-badge.status-paused")).to_be_visible()
    assert Volunteer.objects.get(pk=isil.pk).status == Volunteer.Status.PAUSED

    context = browser.new_context()
    her_page = context.new_page()
    sign_in(context, site, isil.user)
    her_page.goto(f"{site}/activities/{shift.activity_id}/")
    expect(her_page.locator(".volunteer-invite")).to_be_visible()
    expect(
        her_page.locator(f"form[action='/activities/shifts/{shift.pk}/sign-up/']")
    ).to_have_count(0)
    her_page.goto(f"{site}/me/")
    expect(her_page.locator("#paused")).to_be_visible()
    context.close()
