"""/staff/reports/ in Chromium: no WCAG 2.2 AA violation, in Turkish and English, and the
charts' tables open for those who need them."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import axe_violations, choose_language
from tests.browser.test_layout import sign_in
from tests.reports.conftest import build_programme


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_report_has_no_accessibility_violations(page, site, language):
    build_programme()
    coordinator = factories.StaffFactory(role="coordinator")
    sign_in(page.context, site, coordinator)
    choose_language(page.context, site, language)
    response = page.goto(site + "/staff/reports/")
    assert response.status == 200
    expect(page.locator("h1")).to_have_text({"tr": "Raporlar", "en": "Reports"}[language])
    assert axe_violations(page) == []
    # With every table open too (axe checks what is shown).
    closed = page.locator("details:not([open]) > summary")
    for remaining in range(closed.count(), 0, -1):
        closed.first.click()
        expect(closed).to_have_count(remaining - 1)
    assert axe_violations(page) == []


def test_a_bad_filter_is_shown_next_to_its_field_without_violations(page, site):
    coordinator = factories.StaffFactory(role="coordinator")
    sign_in(page.context, site, coordinator)
    page.goto(site + "/staff/reports/?start=2026-10-01&end=2026-09-01")
    expect(page.locator("#id_end_error")).to_be_visible()
    assert axe_violations(page) == []
