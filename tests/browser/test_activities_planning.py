"""Staff planning pages in a real Chromium: no WCAG 2.2 AA violation, in Turkish and English."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import axe_violations, choose_language
from tests.browser.test_staff_workspace import sign_in_as_coordinator


@pytest.fixture
def staff_page(page, site):
    sign_in_as_coordinator(page.context, site)
    return page


@pytest.fixture
def planned_activity(site):
    activity = factories.ActivityFactory(title_tr="Işıklı Sokaklar atölyesi")
    shift = factories.ShiftFactory(activity=activity, capacity=4)
    shift.required_areas.set([factories.area("translation")])
    factories.SignUpFactory(shift=shift)
    factories.TaskFactory(activity=activity)
    return activity


@pytest.mark.parametrize("language", ["tr", "en"])
def test_planning_pages_have_no_accessibility_violations(
    staff_page, site, planned_activity, language
):
    choose_language(staff_page.context, site, language)
    pk = planned_activity.pk
    shift, task = planned_activity.shifts.get(), planned_activity.tasks.get()
    for path in [
        "/staff/activities/",
        "/staff/activities/new/",
        f"/staff/activities/{pk}/",
        f"/staff/activities/{pk}/edit/",
        f"/staff/activities/{pk}/shifts/new/",
        f"/staff/activities/{pk}/tasks/new/",
        f"/staff/activities/{pk}/cancel/",
        f"/staff/activities/{pk}/copy/",
        f"/staff/activities/{pk}/shifts/{shift.pk}/edit/",
        f"/staff/activities/{pk}/shifts/{shift.pk}/repeat/",
        f"/staff/activities/{pk}/shifts/{shift.pk}/delete/",
        f"/staff/activities/{pk}/tasks/{task.pk}/edit/",
        f"/staff/activities/{pk}/tasks/{task.pk}/assign/?q=ay%C5%9Fe",
    ]:
        response = staff_page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(staff_page) == [], path


@pytest.mark.parametrize("language", ["tr", "en"])
def test_create_form_with_errors_has_no_accessibility_violations(staff_page, site, language):
    choose_language(staff_page.context, site, language)
    staff_page.goto(f"{site}/staff/activities/new/")
    staff_page.fill("input[name=title_tr]", "Çiğli buluşması")
    staff_page.fill("input[name=starts_at]", "2031-03-14T14:00")
    staff_page.fill("input[name=ends_at]", "2031-03-14T13:00")
    staff_page.locator("form[action='/staff/activities/new/'] button[type=submit]").click()
    expect(staff_page.locator("#id_description_tr_error")).to_be_visible()
    expect(staff_page.locator("#id_kind_error")).to_be_visible()
    expect(staff_page.locator(".error-summary")).to_be_visible()
    expect(staff_page.locator("input[name=title_tr]")).to_have_value("Çiğli buluşması")
    assert axe_violations(staff_page) == []


def test_coordinator_corrects_the_end_then_plans_an_activity_and_a_shift(staff_page, site):
    staff_page.goto(f"{site}/staff/activities/new/")
    staff_page.select_option("select[name=kind]", index=1)
    staff_page.fill("input[name=title_tr]", "Karşıyaka dayanışma atölyesi")
    staff_page.fill("textarea[name=description_tr]", "Kadın dayanışması üzerine atölye.")
    staff_page.select_option("select[name=district]", label="Karşıyaka")
    staff_page.fill("input[name=address]", "Karşıyaka Çarşı")
    staff_page.fill("input[name=starts_at]", "2031-03-14T10:00")
    staff_page.fill("input[name=ends_at]", "2031-03-14T09:00")
    submit = staff_page.locator("form[action='/staff/activities/new/'] button[type=submit]")
    submit.click()
    expect(staff_page.locator("#id_ends_at_error")).to_contain_text(
        "Bitiş, başlangıçtan sonra olmalı."
    )
    assert axe_violations(staff_page) == []
    staff_page.fill("input[name=ends_at]", "2031-03-14T17:00")
    submit.click()
    staff_page.wait_for_url("**/staff/activities/*/")
    expect(staff_page.get_by_role("heading", level=1)).to_have_text("Karşıyaka dayanışma atölyesi")

    staff_page.get_by_role("link", name="Vardiya ekle").click()
    staff_page.fill("input[name=starts_at]", "2031-03-14T14:00")
    staff_page.fill("input[name=ends_at]", "2031-03-14T16:00")
    staff_page.fill("input[name=capacity]", "6")
    staff_page.get_by_role("button", name="Vardiyayı ekle").click()
    staff_page.wait_for_url("**/staff/activities/*/#shifts")
    expect(staff_page.locator("#shifts tbody tr")).to_have_count(1)
    assert axe_violations(staff_page) == []
