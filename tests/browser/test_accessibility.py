"""axe-core finds no WCAG 2.2 AA violation on the journey's pages, in Turkish and in English."""

import uuid

import pytest
from playwright.sync_api import expect

from esit.applications.models import Application
from esit.applications.views.public import THANKS_SESSION_KEY
from tests import factories
from tests.browser.conftest import axe_violations, choose_language, sign_in

LANGUAGES = ["tr", "en"]
PUBLIC_PAGES = ["/", "/apply/", "/apply/thanks/", "/accounts/login/", "/privacy/"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_has_no_accessibility_violations(page, site, path, language):
    choose_language(page.context, site, language)
    response = page.goto(site + path)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_application_form_with_errors_has_no_accessibility_violations(page, site, language):
    choose_language(page.context, site, language)
    page.goto(site + "/apply/")
    page.locator("form[action='/apply/'] button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_volunteer_dashboard_has_no_accessibility_violations(page, site, language):
    volunteer = factories.VolunteerFactory()
    choose_language(page.context, site, language)
    sign_in(page, site, volunteer.user.email, factories.PASSWORD)
    page.goto(site + "/me/")
    assert page.url.endswith("/me/")
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_application_status_page_has_no_accessibility_violations(page, site, language):
    application = factories.ApplicationFactory(first_name="Çağrı", submission_key=uuid.uuid4())
    choose_language(page.context, site, language)
    page.goto(f"{site}/apply/status/{application.status_token}/")
    expect(page.get_by_text("Çağrı").first).to_be_visible()
    assert axe_violations(page) == []


def test_thanks_session_key_is_stable():
    # The thanks page reads the status link from the session under this key.
    assert THANKS_SESSION_KEY == "esit_application_token"


@pytest.mark.parametrize("path", ["/", "/apply/", "/activities/", "/accounts/login/"])
def test_public_page_fits_a_phone_screen_without_sideways_scrolling(page, site, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_a_visitor_applies_with_javascript_turned_off(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/apply/")
    page.fill("input[name=first_name]", "Ayşegül")
    page.fill("input[name=last_name]", "Öztürk")
    page.fill("input[name=email]", "aysegul@example.org")
    page.fill("input[name=phone]", "+90 532 765 4321")
    page.fill("input[name=birth_date]", "1985-11-02")
    page.select_option("select[name=district]", label="Bornova")
    page.check(f"input[name=areas][value='{factories.area('workshops').pk}']")
    page.fill("textarea[name=motivation]", "Eşitlik için.")
    page.check("input[name=consent]")
    page.locator("form[action='/apply/'] button[type=submit]").click()
    page.wait_for_url(f"{site}/apply/thanks/")
    context.close()
    assert Application.objects.filter(email="aysegul@example.org", first_name="Ayşegül").exists()
