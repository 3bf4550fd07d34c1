"""The whole first journey in Chromium: a visitor applies, a coordinator signs in with two
factors and approves, and the new volunteer sets a password and signs in."""

import re

from django.core import mail
from playwright.sync_api import expect

from esit.applications.models import Application
from tests import factories
from tests.accounts.helpers import current_totp_code
from tests.browser.conftest import sign_in

VOLUNTEER_PASSWORD = "Dayanisma-2026-İzmir"


def apply_as_visitor(page, site):
    page.goto(f"{site}/apply/")
    page.fill("input[name=first_name]", "Şebnem")
    page.fill("input[name=last_name]", "Ilıcak")
    page.fill("input[name=email]", "sebnem.ilicak@example.org")
    page.fill("input[name=phone]", "0532 123 45 67")
    page.fill("input[name=birth_date]", "1994-06-12")
    page.select_option("select[name=district]", label="Karşıyaka")
    page.check(f"input[name=areas][value='{factories.area('translation').pk}']")
    page.select_option("select[name=language_en]", "fluent")
    page.check("input[name=availability][value=sat_morning]")
    page.fill("textarea[name=motivation]", "Kadın dayanışmasına katkı sunmak istiyorum.")
    page.check("input[name=consent]")
    page.locator("form[action='/apply/'] button[type=submit]").click()


def test_a_visitor_becomes_a_volunteer(page, site):
    apply_as_visitor(page, site)
    page.wait_for_url(f"{site}/apply/thanks/")
    application = Application.objects.get(email="sebnem.ilicak@example.org")
    assert application.phone == "+905321234567"
    assert application.status == Application.Status.SUBMITTED
    assert "Şebnem" in mail.outbox[-1].body

    coordinator = factories.StaffFactory(role="coordinator")
    staff = page.context.browser.new_context()
    staff_page = staff.new_page()
    sign_in(staff_page, site, coordinator.email, factories.PASSWORD)
    staff_page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    staff_page.fill("input[name=code]", current_totp_code(coordinator.totp_secret))
    staff_page.locator("form:has(input[name=code]) button[type=submit]:not([form])").click()
    staff_page.wait_for_url(f"{site}/staff/")

    # Turkish-aware search: "ılıcak" in capitals is "ILICAK".
    staff_page.goto(f"{site}/staff/applications/?q=ILICAK")
    results = staff_page.locator("#queue-results tbody th[scope=row]")
    expect(results).to_have_text(["Şebnem Ilıcak"])
    staff_page.get_by_role("link", name="Şebnem Ilıcak").click()
    staff_page.get_by_role("button", name="Başvuruyu onayla").click()
    # The confirmation is the status message; the delivery history below it also names the
    # welcome e-mail ("Başvuru onaylandı: parola…"), so look in the messages region only.
    expect(staff_page.locator(".messages")).to_contain_text("Başvuru onaylandı")
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    staff.close()

    invitation = mail.outbox[-1]
    assert invitation.to == ["sebnem.ilicak@example.org"]
    link = re.search(rf"{re.escape(site)}/accounts/password/reset/key/\S+", invitation.body)
    assert link, invitation.body
    page.goto(link.group(0))
    page.fill("input[name=password1]", VOLUNTEER_PASSWORD)
    page.fill("input[name=password2]", VOLUNTEER_PASSWORD)
    page.locator("form:has(input[name=password2]) button[type=submit]:not([form])").click()
    page.wait_for_url(f"{site}/accounts/password/reset/key/done/")

    sign_in(page, site, "sebnem.ilicak@example.org", VOLUNTEER_PASSWORD)
    page.wait_for_url(f"{site}/me/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Şebnem")
