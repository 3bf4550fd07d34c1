"""The staff team pages in Chromium: no WCAG 2.2 AA violation, in Turkish and English."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import axe_violations, choose_language
from tests.browser.test_layout import sign_in


@pytest.mark.parametrize("language", ["tr", "en"])
def test_team_pages_have_no_accessibility_violations(page, site, language):
    administrator = factories.StaffFactory(role="administrator")
    coordinator = factories.StaffFactory(role="coordinator", first_name="Çiğdem")
    sign_in(page.context, site, administrator)
    choose_language(page.context, site, language)
    for path in ["/staff/team/", "/staff/team/invite/", f"/staff/team/{coordinator.pk}/"]:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path


def test_an_invitation_with_mistakes_keeps_what_was_typed(page, site):
    sign_in(page.context, site, factories.StaffFactory(role="administrator"))
    page.goto(f"{site}/staff/team/invite/")
    page.fill("input[name=first_name]", "Şükran")
    page.fill("input[name=email]", "sukran@")
    page.locator("form[action='/staff/team/invite/'] button[type=submit]").click()

    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("input[name=first_name]")).to_have_value("Şükran")
    assert axe_violations(page) == []
