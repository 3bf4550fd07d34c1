"""The review workspace in a real Chromium: no WCAG 2.2 AA violation, and htmx filtering."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import axe_violations, choose_language


def sign_in_as_coordinator(context, site) -> None:
    """Sign a browser in as a coordinator with two factors, without typing a TOTP code."""
    client = Client()
    client.force_login(factories.StaffFactory(role="coordinator"))
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )


@pytest.fixture
def staff_page(page, site):
    sign_in_as_coordinator(page.context, site)
    return page


@pytest.mark.parametrize("language", ["tr", "en"])
def test_staff_pages_have_no_accessibility_violations(staff_page, site, language):
    application = factories.ApplicationFactory(first_name="Işıl", last_name="Güneş")
    choose_language(staff_page.context, site, language)
    for path in ["/staff/", "/staff/applications/", f"/staff/applications/{application.pk}/"]:
        response = staff_page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(staff_page) == [], path


def test_forms_with_errors_have_no_accessibility_violations(staff_page, site):
    application = factories.ApplicationFactory()
    staff_page.goto(f"{site}/staff/applications/{application.pk}/")
    staff_page.get_by_role("button", name="Başvuruyu olumsuz sonuçlandır").click()
    expect(staff_page.locator("#reject_reason_error")).to_be_visible()
    assert axe_violations(staff_page) == []
    staff_page.goto(f"{site}/staff/applications/")
    staff_page.get_by_label(f"{application.full_name} başvurusunu seç").check()
    staff_page.get_by_role("button", name="Seçilenleri olumsuz sonuçlandır").click()
    expect(staff_page.locator("#id_reason_error")).to_be_visible()
    expect(staff_page.get_by_label(f"{application.full_name} başvurusunu seç")).to_be_checked()
    assert axe_violations(staff_page) == []


def test_filtering_with_htmx_swaps_the_results_and_updates_the_address(browser, site):
    factories.ApplicationFactory(first_name="Işıl", last_name="Güneş")
    factories.ApplicationFactory(first_name="Deniz", last_name="İzmirli")
    # A context that keeps the site's Content Security Policy: htmx must work under it.
    context = browser.new_context()
    sign_in_as_coordinator(context, site)
    staff_page = context.new_page()
    staff_page.goto(f"{site}/staff/applications/")
    staff_page.wait_for_function("() => window.htmx !== undefined")
    staff_page.evaluate("() => { window.notReloaded = true; }")
    staff_page.get_by_label("Ad, e-posta ya da telefon").fill("IŞIL")
    staff_page.get_by_role("button", name="Süz").click()
    staff_page.wait_for_url("**q=I%C5%9EIL**")
    rows = staff_page.locator("#queue-results tbody th[scope=row]")
    expect(rows).to_have_text(["Işıl Güneş"])
    assert staff_page.evaluate("() => window.notReloaded") is True
    context.close()
