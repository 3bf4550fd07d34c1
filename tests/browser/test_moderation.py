"""The network's moderation in Chromium: a volunteer reports a resource, a coordinator hides
it from the queue, and it is gone for the volunteer; axe-core finds no WCAG 2.2 AA violation
on the library and the moderation pages, in Turkish and English."""

import pytest
from playwright.sync_api import expect

from esit.moderation.services import report_content
from tests import factories
from tests.browser.conftest import axe_violations, choose_language
from tests.browser.test_layout import sign_in
from tests.resources import files as samples


def test_a_volunteer_reports_a_resource_a_coordinator_hides_it_and_it_disappears(browser, site):
    coordinator = factories.StaffFactory(role="coordinator")
    factories.resource(by=coordinator, title="Kalacak rehber")
    doubtful = factories.resource(by=coordinator, title="Şüpheli bağlantı")
    volunteer = factories.VolunteerFactory()

    own = browser.new_context()
    page = own.new_page()
    sign_in(own, site, volunteer.user)
    page.goto(f"{site}/resources/")
    page.get_by_role("link", name="Şüpheli bağlantı").click()
    page.get_by_role("link", name="Bu kaynağı bildir").click()
    page.get_by_label("Reklam veya spam").check()
    page.get_by_label("Açıklama (isteğe bağlı)").fill("Reklam sitesine gidiyor.")
    page.get_by_role("button", name="Bildir").click()
    expect(page.get_by_role("heading", name="Bildiriminiz alındı")).to_be_visible()

    staff = browser.new_context()
    desk = staff.new_page()
    sign_in(staff, site, coordinator)
    desk.goto(f"{site}/staff/moderation/")
    desk.get_by_role("link", name="Şüpheli bağlantı").click()
    expect(desk.get_by_text("Reklam sitesine gidiyor.")).to_be_visible()
    desk.get_by_label("Gizleme nedeni").select_option("spam")
    desk.get_by_role("button", name="Gizle").click()
    expect(desk.get_by_text("İçerik gizlendi; gönüllüler artık göremez.")).to_be_visible()
    staff.close()

    page.goto(f"{site}/resources/")
    expect(page.get_by_role("link", name="Kalacak rehber")).to_be_visible()
    expect(page.get_by_role("link", name="Şüpheli bağlantı")).to_have_count(0)
    response = page.goto(f"{site}/resources/{doubtful.pk}/")
    assert response.status == 404
    own.close()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_library_and_moderation_pages_have_no_accessibility_violations(
    page, site, language, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    coordinator = factories.StaffFactory(role="coordinator")
    volunteer = factories.VolunteerFactory()
    guide = factories.resource(
        by=coordinator,
        title="Eşitlik rehberi",
        description="**Önemli** bir [rehber](https://izmir.bel.tr).",
        tags="eğitim, rehber",
        file=samples.upload("rehber.pdf", samples.pdf()),
    )
    reported = factories.resource(by=volunteer.user, title="Bildirilen kaynak")
    for _n in range(3):
        report_content(reporter=factories.VolunteerFactory().user, content=reported, reason="spam")
    choose_language(page.context, site, language)
    for path in ["/resources/", f"/resources/{guide.pk}/", "/resources/?q=yok"]:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path

    sign_in(page.context, site, volunteer.user)
    for path in ["/resources/new/", f"/report/resource/{guide.pk}/"]:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path
    page.get_by_role("button", name="Bildir" if language == "tr" else "Report").click()
    assert axe_violations(page) == []  # the form with its errors

    sign_in(page.context, site, coordinator)
    staff_pages = [
        "/staff/moderation/",
        "/staff/moderation/?tab=hidden",
        "/staff/moderation/?tab=suspensions",
        f"/staff/moderation/resource/{reported.pk}/",
        "/staff/resources/",
        f"/staff/resources/{guide.pk}/",
    ]
    for path in staff_pages:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path
