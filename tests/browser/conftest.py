"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

They run once, on one database (see .ci/run); every test here carries the
`browser` mark so the PostgreSQL pass can leave them out.
"""

from pathlib import Path

import pytest
from django.conf import settings as django_settings

AXE_PATH = Path(django_settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as an inline script, which the site's own CSP rightly forbids.
    return {**browser_context_args, "bypass_csp": True, "locale": "en-US"}


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def choose_language(context, base_url: str, language: str) -> None:
    context.add_cookies([{"name": "esit_language", "value": language, "url": base_url}])


def sign_in(page, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("form:has(input[name=password]) button[type=submit]:not([form])").click()
