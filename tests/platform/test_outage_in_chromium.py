"""The outage page in a real Chromium: accessible, and its button sends the form again."""

import pytest
from playwright.sync_api import expect

from esit.applications.models import Application
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as an inline script, which the site's own CSP rightly forbids.
    return {**browser_context_args, "bypass_csp": True}


def test_the_outage_page_has_no_accessibility_violations(page, site, outage):
    with outage():
        response = page.goto(f"{site}/apply/")

        assert response.status == 503
        expect(page.get_by_role("heading", level=1)).to_have_text("Birazdan yeniden deneyin")
        assert axe_violations(page) == []


def test_try_again_sends_what_was_typed_once_the_database_is_back(page, site, outage):
    page.goto(f"{site}/apply/")
    page.get_by_label("Ad", exact=False).first.fill("Gülşah")
    with outage():
        page.get_by_role("button", name="Başvuruyu gönder").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Birazdan yeniden deneyin")

    page.get_by_role("button", name="Yeniden dene").click()

    # The form answers again, with what was typed kept (the rest is still to be filled in).
    expect(page.get_by_role("heading", level=1)).to_have_text("Gönüllü başvurusu")
    expect(page.locator("input[name=first_name]")).to_have_value("Gülşah")
    assert Application.objects.count() == 0
