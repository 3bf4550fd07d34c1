"""The layout on a phone (360 and 390 pixels wide) and the quick exit, in a real Chromium."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import axe_violations

PHONE_WIDTHS = [360, 390]
NEUTRAL_PAGE = "https://hava.example/"


def sign_in(context, site, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )


def fully_inside_the_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return (
        box is not None and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    )


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_the_week_grid_keeps_its_evening_column_on_a_phone(page, site, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site}/apply/")

    evening = page.locator("input[name=availability][value=sun_evening]")
    evening.scroll_into_view_if_needed()
    assert fully_inside_the_screen(page, evening)
    grid = page.locator(".availability-grid").locator("xpath=..")  # its scrolling box
    assert grid.evaluate("box => box.scrollWidth - box.clientWidth") <= 0
    evening.check()
    expect(evening).to_be_checked()


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_the_profile_week_grid_keeps_its_evening_column_on_a_phone(page, site, width):
    volunteer = factories.VolunteerFactory()
    sign_in(page.context, site, volunteer.user)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site}/me/profile/")

    evening = page.locator("input[name=availability][value=sun_evening]")
    evening.scroll_into_view_if_needed()
    assert fully_inside_the_screen(page, evening)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_week_summary_on_me_can_be_scrolled_by_keyboard_on_a_phone(page, site, language):
    # In English its columns ("Afternoon", "Evening") are wider than a phone: a table that
    # scrolls in its box must be reachable by the keyboard (axe: scrollable-region-focusable).
    volunteer = factories.VolunteerFactory()
    sign_in(page.context, site, volunteer.user)
    page.context.add_cookies([{"name": "esit_language", "value": language, "url": site}])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site}/me/")
    box = page.locator(".availability-summary").locator("xpath=..")
    expect(box).to_have_attribute("tabindex", "0")
    assert axe_violations(page) == []


def header_rows(page) -> int:
    """How many lines the header's parts take: the name, the language and each menu item."""
    tops = page.eval_on_selector_all(
        ".site-header .brand, .site-header .language-switcher, .site-header .nav-list > li",
        "items => items.map(item => Math.round(item.getBoundingClientRect().top / 8))",
    )
    return len(set(tops))


@pytest.mark.parametrize("width", PHONE_WIDTHS)
@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_header_takes_two_lines_on_a_phone(page, site, width, language):
    page.context.add_cookies([{"name": "esit_language", "value": language, "url": site}])
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site}/")
    assert header_rows(page) <= 2

    sign_in(page.context, site, factories.VolunteerFactory().user)
    page.goto(f"{site}/me/")
    assert header_rows(page) <= 2


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_the_quick_exit_never_covers_the_check_in_code(page, site, width):
    volunteer = factories.VolunteerFactory()
    sign_in(page.context, site, volunteer.user)
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(f"{site}/me/")
    code = page.locator(".checkin-code")
    exit_button = page.locator("[data-quick-exit]")

    for block in ["start", "center", "end"]:
        code.evaluate(f"element => element.scrollIntoView({{block: '{block}'}})")
        expect(exit_button).to_be_in_viewport()
        covered = page.evaluate(
            """() => {
                const a = document.querySelector('.checkin-code').getBoundingClientRect();
                const b = document.querySelector('[data-quick-exit]').getBoundingClientRect();
                return !(a.right <= b.left || b.right <= a.left
                         || a.bottom <= b.top || b.bottom <= a.top);
            }"""
        )
        assert not covered, block


@pytest.fixture
def neutral_page(page, settings):
    """The quick exit's destination, answered inside the browser (the machine has no internet)."""
    settings.QUICK_EXIT_URL = NEUTRAL_PAGE
    page.route(
        f"{NEUTRAL_PAGE}**",
        lambda route: route.fulfill(
            content_type="text/html", body="<title>Hava durumu</title><h1>Hava durumu</h1>"
        ),
    )
    return page


def test_quick_exit_leaves_the_site_and_back_does_not_return_to_it(neutral_page, site):
    page = neutral_page
    page.goto("about:blank")
    page.goto(f"{site}/apply/")
    page.fill("input[name=first_name]", "Ayşe")

    page.get_by_role("link", name="Hızlı çıkış").click()

    page.wait_for_url(NEUTRAL_PAGE)
    expect(page.get_by_role("heading", name="Hava durumu")).to_be_visible()
    page.go_back()
    page.wait_for_url("about:blank")
    assert site not in page.url


def test_shift_and_escape_is_the_quick_exit_from_the_keyboard(neutral_page, site):
    page = neutral_page
    page.goto("about:blank")
    page.goto(f"{site}/activities/")

    page.keyboard.press("Shift+Escape")

    page.wait_for_url(NEUTRAL_PAGE)
    page.go_back()
    page.wait_for_url("about:blank")


def test_quick_exit_is_a_plain_link_without_javascript(browser, site, settings):
    settings.QUICK_EXIT_URL = NEUTRAL_PAGE
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/")
    expect(page.locator("[data-quick-exit]")).to_have_attribute("href", NEUTRAL_PAGE)
    context.close()
