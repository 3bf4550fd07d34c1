"""The applicant's private status page in Chromium: withdraw, switch language, correct.

Chromium sends `Origin: null` with a form posted from a page served with
`Referrer-Policy: no-referrer`, and Django's CSRF check refuses that: these journeys
through the real page are what keeps the page's posts working.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from esit.applications.models import Application, Decision
from tests import factories
from tests.browser.conftest import axe_violations, choose_language


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


def correct_district(page, site, application, district: str) -> None:
    page.goto(status_url(site, application))
    page.get_by_role("link", name="Bilgilerimi düzelt").click()
    page.get_by_label("İlçe").select_option(label=district)
    page.get_by_role("button", name="Düzeltmeleri kaydet").click()


def test_an_applicant_corrects_her_application_through_the_status_page(page, site):
    application = factories.ApplicationFactory(district=factories.district("konak"))
    correct_district(page, site, application, "Bornova")
    expect(page.get_by_text("Başvurunuz düzeltildi.")).to_be_visible()
    expect(page.get_by_text("Başvuru sahibi düzeltti (düzeltilen: ilçe)")).to_be_visible()
    assert page.url == status_url(site, application)
    application.refresh_from_db()
    assert application.district.slug == "bornova"


def test_an_applicant_corrects_her_application_with_javascript_turned_off(browser, site):
    application = factories.ApplicationFactory(district=factories.district("konak"))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    correct_district(page, site, application, "Buca")
    expect(page.get_by_text("Başvurunuz düzeltildi.")).to_be_visible()
    context.close()
    application.refresh_from_db()
    assert application.district.slug == "buca"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_correction_page_has_no_accessibility_violations(page, site, language):
    application = factories.ApplicationFactory(first_name="Çağrı")
    choose_language(page.context, site, language)
    page.goto(f"{status_url(site, application)}correct/")
    expect(page.locator("input[name=email]")).to_have_value(application.email)
    assert axe_violations(page) == []


def test_the_correction_page_with_errors_has_no_accessibility_violations(page, site):
    application = factories.ApplicationFactory()
    page.goto(f"{status_url(site, application)}correct/")
    page.get_by_label("Cep telefonu").fill("0232 123 45 67")
    page.get_by_role("button", name="Düzeltmeleri kaydet").click()
    expect(page.locator("#id_phone_error")).to_be_visible()
    expect(page.locator("input[name=phone]")).to_have_value("0232 123 45 67")
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_status_page_with_its_history_has_no_accessibility_violations(page, site, language):
    application = factories.ApplicationFactory(first_name="Çağrı")
    Decision.objects.create(
        application=application,
        kind=Decision.Kind.CORRECT,
        changed_fields=["district"],
        decided_at=timezone.now(),
    )
    choose_language(page.context, site, language)
    page.goto(status_url(site, application))
    expect(page.locator(".history-list li")).to_have_count(1)
    assert axe_violations(page) == []
