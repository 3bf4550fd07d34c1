"""The applicant's private status page in Chromium: withdraw, switch language, correct.

Chromium sends `Origin: null` with a form posted from a page served with
`Referrer-Policy: no-referrer`, and Django's CSRF check refuses that: these journeys
through the real page are what keeps the page's posts working.
"""

from playwright.sync_api import expect

from esit.applications.models import Application
from tests import factories


def status_url(site, application) -> str:
    return f"{site}/apply/status/{application.status_token}/"


def test_an_applicant_withdraws_through_the_status_page(page, site):
    application = factories.ApplicationFactory(first_name="Çağrı")
    page.goto(status_url(site, application))
    page.get_by_label("Başvurumu geri çekmek istediğimi onaylıyorum.").check()
    page.get_by_role("button", name="Başvurumu geri çek").click()
    expect(
        page.get_by_text("Başvurunuz geri çekildi. Size bir onay e-postası gönderdik.")
    ).to_be_visible()
    expect(page.locator(".status-badge")).to_have_text("Geri çekildi")
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN


def test_an_applicant_switches_the_status_page_to_english(page, site):
    application = factories.ApplicationFactory(first_name="Çağrı")
    page.goto(status_url(site, application))
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your application status")
    assert page.url == status_url(site, application)
