"""The admin in a real Chromium: capitals the CSS draws are Turkish too ("HOŞ GELDİNİZ").

The admin's stylesheet upper-cases the greeting and some headings with CSS; a browser does
that the Turkish way only when the page says lang="tr".
"""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def admin_page(page, site):
    client = Client()
    client.force_login(factories.StaffFactory(role="administrator", is_superuser=True))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )
    return page


def test_the_greeting_is_drawn_in_turkish_capitals(admin_page, site):
    admin_page.goto(f"{site}/staff/admin/")

    expect(admin_page.locator("#user-tools")).to_contain_text("HOŞ GELDİNİZ", use_inner_text=True)
    expect(admin_page.locator("html")).to_have_attribute("lang", "tr")


def test_the_district_list_is_named_with_a_dotted_capital(admin_page, site):
    admin_page.goto(f"{site}/staff/admin/reference/district/")

    expect(admin_page.locator('li[aria-current="page"]')).to_have_text("İlçeler")
    expect(admin_page.get_by_role("link", name="İlçeler", exact=True)).to_be_visible()
