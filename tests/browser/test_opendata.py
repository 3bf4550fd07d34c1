"""/open-data/ in Chromium: no WCAG 2.2 AA violation in Turkish and English; the API's
documentation works from our own files under the site's CSP."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, choose_language
from tests.opendata.conftest import build_city


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_open_data_page_has_no_accessibility_violations(page, site, language):
    build_city()
    choose_language(page.context, site, language)
    response = page.goto(site + "/open-data/")
    assert response.status == 200
    expect(page.locator("h1")).to_have_text({"tr": "Açık veri", "en": "Open data"}[language])
    assert axe_violations(page) == []


def test_the_api_documentation_runs_under_the_sites_policy(browser, site):
    # A context of its own that keeps the CSP (the suite's bypasses it to inject axe-core).
    context = browser.new_context(bypass_csp=False)
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    outside = []
    page.on(
        "request",
        lambda request: outside.append(request.url) if not request.url.startswith(site) else None,
    )
    page.goto(site + "/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Eşit İzmir")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert refused == []
    assert [url for url in outside if not url.startswith("data:")] == []
    context.close()
