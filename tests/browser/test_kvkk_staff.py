"""In Chromium: the retention report, the KVKK texts, the breach register and the pages a
volunteer sees (stay, re-consent) have no WCAG 2.2 AA violation, in Turkish and English."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from esit.kvkk import incidents, notices, retention
from esit.kvkk.models import RetentionWarning
from tests import factories
from tests.browser.conftest import axe_violations, choose_language


def sign_in_as(context, site, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_new_privacy_staff_pages_have_no_accessibility_violations(page, site, language):
    administrator = factories.StaffFactory(role="administrator")
    volunteer = factories.VolunteerFactory()
    factories.ApplicationFactory(
        status="rejected",
        decided_at=timezone.now() - datetime.timedelta(days=400),
        submitted_at=timezone.now() - datetime.timedelta(days=401),
    )
    retention.apply_rules()
    draft = notices.draft_notice(
        by=administrator,
        kind="information",
        version="2027-01",
        title_tr="Aydınlatma metni",
        title_en="Information notice",
        body_tr="Yeni metin.",
        body_en="New text.",
        material_change=True,
    )
    incident = incidents.log_incident(
        by=administrator,
        title="Yanlış alıcı",
        what_happened="Liste yanlış adrese gitti.",
        discovered_at=timezone.now() - datetime.timedelta(hours=80),
        categories=["contact"],
        affected="Mart başvuruları",
    )
    sign_in_as(page.context, site, administrator)
    choose_language(page.context, site, language)
    for path in [
        "/staff/privacy/retention/",
        "/staff/privacy/notices/",
        "/staff/privacy/notices/new/",
        f"/staff/privacy/notices/{draft.pk}/",
        "/staff/privacy/incidents/",
        "/staff/privacy/incidents/new/",
        f"/staff/privacy/incidents/{incident.pk}/",
        f"/staff/privacy/consents/{volunteer.pk}/",
    ]:
        response = page.goto(site + path)
        assert response.status == 200, path
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert axe_violations(page) == [], path


def test_forms_with_errors_have_no_accessibility_violations(page, site):
    sign_in_as(page.context, site, factories.StaffFactory(role="administrator"))
    page.goto(f"{site}/staff/privacy/incidents/new/")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{site}/staff/privacy/notices/new/")
    page.get_by_role("button", name="Taslağı kaydet").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_stay_and_reconsent_pages_have_no_accessibility_violations(page, site, language):
    volunteer = factories.VolunteerFactory(joined_at=timezone.now() - datetime.timedelta(days=800))
    retention.apply_rules()
    warning = RetentionWarning.objects.get(volunteer=volunteer)
    choose_language(page.context, site, language)
    page.goto(f"{site}/me/stay/{retention.stay_token(warning)}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_violations(page) == []
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main form")).to_have_count(0)
    warning.refresh_from_db()
    assert warning.stayed_at is not None

    sign_in_as(page.context, site, volunteer.user)
    page.goto(f"{site}/me/consent/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_violations(page) == []
