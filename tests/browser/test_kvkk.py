"""In Chromium: a volunteer reads her data, downloads it, and has it erased."""

import json
import re

import pytest
from playwright.sync_api import expect

from esit.kvkk.models import DestructionRecord
from tests import factories
from tests.browser.conftest import axe_violations, choose_language, sign_in

LANGUAGES = ["tr", "en"]


def test_a_volunteer_downloads_her_data_and_asks_for_erasure(page, site):
    volunteer = factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Gülşah", email="gulsah@example.org")
    )
    choose_language(page.context, site, "tr")
    sign_in(page, site, volunteer.user.email, factories.PASSWORD)
    page.wait_for_url(f"{site}/me/")

    page.get_by_role("link", name="Bilgilerimi gör").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hakkınızda tuttuğumuz bilgiler")
    expect(page.get_by_text("gulsah@example.org").first).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Verilerimi indir (JSON)").click()
    document = json.loads(open(download_info.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert "gulsah@example.org" in json.dumps(document, ensure_ascii=False)

    page.get_by_role("link", name="Silme talebinde bulun").click()
    page.get_by_role("button", name="Bilgilerimi kalıcı olarak sil").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert not DestructionRecord.objects.exists()

    page.get_by_label("Parolanız").fill(factories.PASSWORD)
    page.get_by_label(re.compile("Bilgilerimin silinmesini istiyorum")).check()
    page.get_by_role("button", name="Bilgilerimi kalıcı olarak sil").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bilgileriniz silindi")
    assert DestructionRecord.objects.count() == 1

    page.goto(f"{site}/me/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_in_english_with_no_accessibility_violation_on_any_page_of_the_way(page, site):
    """The same journey in English, with axe-core on every page it passes, the refusal
    included; the JSON is /me/data.json itself, and the erased person is gone from it."""
    volunteer = factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Şebnem", email="sebnem@example.org")
    )
    choose_language(page.context, site, "en")
    sign_in(page, site, volunteer.user.email, factories.PASSWORD)
    page.wait_for_url(f"{site}/me/")

    page.get_by_role("link", name="See my data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The data we hold about you")
    assert axe_violations(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my data (JSON)").click()
    assert download_info.value.url == f"{site}/me/data.json"
    document = json.loads(open(download_info.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert "sebnem@example.org" in json.dumps(document, ensure_ascii=False)

    page.get_by_role("link", name="Ask for erasure").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Erase my data permanently").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("Your password").fill(factories.PASSWORD)
    page.get_by_label(re.compile("I want my data erased")).check()
    page.get_by_role("button", name="Erase my data permanently").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data has been erased")
    assert axe_violations(page) == []
    assert DestructionRecord.objects.count() == 1
    page.goto(f"{site}/me/data.json")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_applicants_data_page_has_no_accessibility_violations(page, site, language):
    application = factories.ApplicationFactory()
    choose_language(page.context, site, language)

    page.goto(f"{site}/apply/status/{application.status_token}/data/")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["/me/data/", "/me/data/erase/"])
def test_the_data_pages_have_no_accessibility_violations(page, site, language, path):
    volunteer = factories.VolunteerFactory()
    factories.SignUpFactory(volunteer=volunteer)
    choose_language(page.context, site, language)
    sign_in(page, site, volunteer.user.email, factories.PASSWORD)
    page.wait_for_url(f"{site}/me/")
    page.goto(site + path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_violations(page) == []
