"""Tasks, hours and certificates in a real Chromium: no WCAG 2.2 AA violation in either
language, with the QR code, totals, forms (also with errors) and the verification page."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from esit.activities.models import TaskAssignment
from esit.activities.services.certificates import issue_certificate
from tests import factories
from tests.browser.conftest import axe_violations, choose_language


def sign_in(context, site, user) -> None:
    """Sign a browser in without typing (a staff user here already has two factors)."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )


@pytest.fixture
def sebnem(live_db):
    user = factories.UserFactory(first_name="Şebnem", last_name="Ilıcak")
    volunteer = factories.VolunteerFactory(user=user)
    today = timezone.localdate()
    for days, area, status in [
        (3, "translation", "approved"),
        (40, "workshops", "approved"),
        (2, "digital-design", "pending"),
        (5, "translation", "rejected"),
    ]:
        factories.HoursEntryFactory(
            volunteer=volunteer,
            area=factories.area(area),
            date=today - datetime.timedelta(days=days),
            status=status,
            review_comment="Tarih yanlış" if status == "rejected" else "",
        )
    factories.SignUpFactory(volunteer=volunteer)
    now = timezone.now()
    TaskAssignment.objects.create(
        task=factories.TaskFactory(title="Afiş çevirisi"),
        volunteer=volunteer,
        status="returned",
        claimed_at=now,
        delivered_at=now,
        delivery_note="İlk taslak",
        review_comment="Başlığı kısaltın.",
    )
    TaskAssignment.objects.create(
        task=factories.TaskFactory(title="Sosyal medya takvimi"),
        volunteer=volunteer,
        status="claimed",
        claimed_at=now,
    )
    return volunteer


@pytest.mark.parametrize("language", ["tr", "en"])
def test_volunteer_work_pages_have_no_accessibility_violations(page, site, sebnem, language):
    sign_in(page.context, site, sebnem.user)
    choose_language(page.context, site, language)
    claimed = sebnem.task_assignments.get(status="claimed")
    for path in ["/me/", "/me/hours/", "/me/tasks/", f"/me/tasks/{claimed.pk}/deliver/",
                 "/me/certificate/"]:  # fmt: skip
        response = page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path
    page.goto(f"{site}/me/")
    expect(page.locator(".qr-code svg")).to_be_visible()
    expect(page.locator(".checkin-code")).to_have_text(sebnem.checkin_code)


def test_hours_form_with_errors_has_no_accessibility_violations(page, site, sebnem):
    sign_in(page.context, site, sebnem.user)
    page.goto(f"{site}/me/hours/")
    page.get_by_role("button", name="Bildir").click()
    expect(page.locator("#id_date_error")).to_be_visible()
    expect(page.locator("#id_description_error")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["tr", "en"])
def test_staff_work_pages_have_no_accessibility_violations(page, site, sebnem, language):
    delivered = sebnem.task_assignments.get(status="returned")
    delivered.status = "delivered"
    delivered.save(update_fields=["status"])
    sign_in(page.context, site, factories.StaffFactory(role="coordinator"))
    choose_language(page.context, site, language)
    for path in ["/staff/hours/", "/staff/tasks/"]:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path


def test_bulk_reject_without_reason_has_no_accessibility_violations(page, site, sebnem):
    sign_in(page.context, site, factories.StaffFactory(role="coordinator"))
    page.goto(f"{site}/staff/hours/")
    page.get_by_label("Şebnem Ilıcak", exact=False).first.check()
    page.get_by_label("Seçilen saatleri reddet").check()
    page.get_by_role("button", name="Kararı uygula").click()
    expect(page.locator("#id_comment_error")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["tr", "en"])
def test_verification_pages_have_no_accessibility_violations(page, site, sebnem, language):
    certificate = issue_certificate(volunteer=sebnem)
    choose_language(page.context, site, language)

    response = page.goto(f"{site}/certificates/{certificate.code}/")
    assert response.status == 200
    assert "Şebnem Ilıcak" in page.content()
    assert axe_violations(page) == []

    response = page.goto(f"{site}/certificates/YOKBOYLEBIRKOD/")
    assert response.status == 404
    assert axe_violations(page) == []


def test_volunteer_downloads_the_certificate_and_anyone_can_verify_it(page, site, sebnem):
    sign_in(page.context, site, sebnem.user)
    page.goto(f"{site}/me/")
    page.get_by_role("link", name="Gönüllülük belgemi al").first.click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Belgemi indir (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    certificate = sebnem.certificates.get()
    visitor = page.context.browser.new_context()
    visitor_page = visitor.new_page()
    visitor_page.goto(f"{site}/certificates/{certificate.code}/")
    expect(visitor_page.get_by_text("Geçerli belge")).to_be_visible()
    expect(visitor_page.get_by_text("Şebnem Ilıcak")).to_be_visible()
    visitor.close()
