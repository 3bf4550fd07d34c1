"""Issue 4 end to end in Chromium: a volunteer signs up for a shift, a coordinator signs in with
two factors, checks them in and approves the hours, the volunteer downloads the certificate and
the verification link printed in it confirms the certificate."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from esit.activities.models import Activity, Certificate, HoursEntry, Shift, SignUp
from tests import factories
from tests.accounts.helpers import current_totp_code
from tests.activities.work.test_certificates import pdf_text
from tests.browser.conftest import sign_in


def shift_tomorrow():
    """Sign-up closes when a shift starts, so the volunteer signs up for one still ahead."""
    starts = (timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    activity = factories.ActivityFactory(
        title_tr="Mahalle Kadın Buluşması: Eşitlik Sohbetleri",
        district=factories.district("karsiyaka"),
        address="Karşıyaka Çarşı, Kemalpaşa Cad. No: 3",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
    )
    return factories.ShiftFactory(
        activity=activity, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )


def the_shift_has_happened(shift) -> None:
    """Time passes: the shift (and its activity) took place and ended an hour ago. Hours from
    attendance are approvable only once the shift is over."""
    ends = (timezone.now() - datetime.timedelta(hours=1)).replace(second=0, microsecond=0)
    starts = ends - datetime.timedelta(hours=2)
    Shift.objects.filter(pk=shift.pk).update(starts_at=starts, ends_at=ends)
    Activity.objects.filter(pk=shift.activity_id).update(
        starts_at=starts, ends_at=ends + datetime.timedelta(hours=1)
    )


def test_sign_up_check_in_approve_and_verify_the_certificate(page, site, tmp_path):
    volunteer = factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Gülşah", last_name="Işıkoğlu")
    )
    shift = shift_tomorrow()
    activity = shift.activity

    # The volunteer signs up on the public activity page.
    sign_in(page, site, volunteer.user.email, factories.PASSWORD)
    page.wait_for_url(f"{site}/me/")
    page.goto(f"{site}/activities/{activity.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(r"^Kaydol")).click()
    shifts = page.locator("table.shifts")
    expect(shifts.locator(".status-badge.status-confirmed")).to_have_text("Onaylandı")
    signup = SignUp.objects.get(shift=shift, volunteer=volunteer)
    assert signup.status == SignUp.Status.CONFIRMED

    the_shift_has_happened(shift)

    # A coordinator signs in with two factors, checks the volunteer in and approves the hours.
    coordinator = factories.StaffFactory(role="coordinator")
    staff = page.context.browser.new_context()
    staff_page = staff.new_page()
    sign_in(staff_page, site, coordinator.email, factories.PASSWORD)
    staff_page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    staff_page.fill("input[name=code]", current_totp_code(coordinator.totp_secret))
    staff_page.locator("form:has(input[name=code]) button[type=submit]:not([form])").click()
    staff_page.wait_for_url(f"{site}/staff/")

    staff_page.goto(f"{site}/staff/shifts/{shift.pk}/check-in/")
    staff_page.fill("#id_code", volunteer.checkin_code.lower())
    with staff_page.expect_navigation():
        staff_page.get_by_role("button", name="Geldi olarak işaretle").click()
    expect(staff_page.get_by_text("Gülşah Işıkoğlu geldi olarak işaretlendi.")).to_be_visible()
    expect(staff_page.locator("main table").first).to_contain_text("Gülşah Işıkoğlu")
    signup.refresh_from_db()
    assert signup.attendance == SignUp.Attendance.ATTENDED
    entry = HoursEntry.objects.get(signup=signup)
    assert (entry.status, entry.hours) == (HoursEntry.Status.PENDING, Decimal("2.00"))

    staff_page.goto(f"{site}/staff/hours/")
    staff_page.get_by_label("Gülşah Işıkoğlu", exact=False).check()
    staff_page.get_by_label("Seçilen saatleri onayla").check()
    with staff_page.expect_navigation():
        staff_page.get_by_role("button", name="Kararı uygula").click()
    expect(staff_page.get_by_text("1 kayıt onaylandı.")).to_be_visible()
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.APPROVED
    assert entry.reviewed_by == coordinator
    staff.close()

    # The volunteer downloads the certificate; its printed link verifies it.
    page.goto(f"{site}/me/certificate/")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Belgemi indir (PDF)").click()
    assert download_info.value.suggested_filename.endswith(".pdf")
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    assert "Gülşah Işıkoğlu" in text
    assert "Onaylanmış toplam gönüllülük: 2 saat" in text
    certificate = Certificate.objects.get(volunteer=volunteer)
    assert certificate.total_hours == Decimal("2.00")
    link = re.search(rf"{re.escape(site)}/certificates/[0-9A-F]+/", text)
    assert link, text
    assert link.group(0) == f"{site}/certificates/{certificate.code}/"

    visitor = page.context.browser.new_context()
    visitor_page = visitor.new_page()
    response = visitor_page.goto(link.group(0))
    assert response.status == 200
    verdict = visitor_page.locator("main section.card")
    expect(verdict.get_by_text("Geçerli belge")).to_be_visible()
    details = verdict.locator("dl.details")
    expect(details).to_contain_text("Gülşah Işıkoğlu")
    expect(details).to_contain_text(re.compile(r"Onaylanmış toplam süre\s*2 saat"))
    visitor.close()
