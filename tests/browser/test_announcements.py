"""Announcements in Chromium: a coordinator publishes for one area, its volunteer reads it on
/me/ and by e-mail, a volunteer of another area gets nothing; axe-core finds no WCAG 2.2 AA
violation on the announcement pages, in Turkish and English."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from esit.announcements import services
from esit.announcements.models import Announcement
from tests import factories
from tests.browser.conftest import axe_violations, choose_language
from tests.browser.test_layout import sign_in


def test_a_coordinator_publishes_for_one_area_and_only_its_volunteer_gets_it(browser, site):
    coordinator = factories.StaffFactory(role="coordinator", first_name="Şebnem")
    translator = factories.VolunteerFactory(
        user=factories.UserFactory(email="cigdem@example.org"),
        areas=[factories.area("translation")],
    )
    campaigner = factories.VolunteerFactory(
        user=factories.UserFactory(email="isik@example.org"),
        areas=[factories.area("campaigns")],
    )
    staff = browser.new_context(bypass_csp=True)
    page = staff.new_page()
    sign_in(staff, site, coordinator)
    page.goto(f"{site}/staff/announcements/")
    page.get_by_role("link", name="Duyuru yaz").click()
    page.fill("input[name=title_tr]", "Çeviri gönüllülerine çağrı")
    page.fill("textarea[name=body_tr]", "Yeni broşür için **yardımınız** gerekiyor.")
    page.check("input[name=audience][value=areas]")
    page.check(f"input[name=areas][value='{factories.area('translation').pk}']")
    page.get_by_role("button", name="Taslağı kaydet").click()
    expect(page.get_by_role("heading", name="Önizleme")).to_be_visible()
    expect(page.locator(".announcement-body strong")).to_have_text("yardımınız")
    page.get_by_role("button", name="Yayımla ya da zamanla").click()
    expect(page.get_by_text("1 gönüllüye e-postayla gidecek")).to_be_visible()
    page.get_by_role("button", name="Evet, yayımla").click()
    expect(page.get_by_role("heading", name="E-posta gönderimi")).to_be_visible()
    expect(page.get_by_text("Gönderim bitti.")).to_be_visible()
    staff.close()

    assert [message.to for message in mail.outbox] == [["cigdem@example.org"]]
    assert "Çeviri gönüllülerine çağrı" in mail.outbox[0].subject

    for volunteer, sees in ((translator, True), (campaigner, False)):
        context = browser.new_context()
        own = context.new_page()
        sign_in(context, site, volunteer.user)
        own.goto(f"{site}/me/")
        link = own.get_by_role("link", name="Çeviri gönüllülerine çağrı")
        if sees:
            expect(link).to_be_visible()
            link.click()
            expect(own.locator(".announcement-body strong")).to_have_text("yardımınız")
        else:
            expect(own.get_by_role("heading", name="Profilim")).to_be_visible()
            expect(link).to_have_count(0)
        context.close()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_announcement_pages_have_no_accessibility_violations(page, site, language):
    coordinator = factories.StaffFactory(role="coordinator")
    volunteer = factories.VolunteerFactory()
    public = services.save_announcement(
        by=coordinator,
        title_tr="Herkese açık duyuru",
        title_en="A public announcement",
        body_tr="**Merhaba** [bağlantı](https://izmir.bel.tr)",
        body_en="**Hello** [link](https://izmir.bel.tr)",
        pinned=True,
    )
    services.publish(by=coordinator, announcement=public)
    for_volunteers = services.save_announcement(
        by=coordinator,
        title_tr="Gönüllülere duyuru",
        body_tr="Metin <script>x()</script>",
        audience=Announcement.Audience.VOLUNTEERS,
    )
    choose_language(page.context, site, language)
    for path in ["/announcements/", f"/announcements/{public.pk}/"]:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path

    sign_in(page.context, site, coordinator)
    staff_pages = [
        "/staff/announcements/",
        "/staff/announcements/new/",
        f"/staff/announcements/{for_volunteers.pk}/",
        f"/staff/announcements/{for_volunteers.pk}/edit/",
        f"/staff/announcements/{public.pk}/kit/",
    ]
    for path in staff_pages:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path
    services.publish(by=coordinator, announcement=for_volunteers)
    page.goto(f"{site}/staff/announcements/{for_volunteers.pk}/delivery/")
    expect(page.locator("progress")).to_be_visible()
    assert axe_violations(page) == []

    sign_in(page.context, site, volunteer.user)
    page.goto(f"{site}/me/")
    expect(page.locator("#announcements-heading")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{site}/me/announcements/{for_volunteers.pk}/")
    assert axe_violations(page) == []


def test_an_announcement_with_a_wide_cover_fits_a_phone_screen(page, site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    coordinator = factories.StaffFactory(role="coordinator")
    out = io.BytesIO()
    Image.new("RGB", (2400, 800), (90, 40, 130)).save(out, "PNG")
    announcement = services.save_announcement(
        by=coordinator,
        title_tr="Geniş kapaklı duyuru",
        body_tr="Çokçokçokuzunbirkelimeçokçokçokuzunbirkelimeçokçokçokuzunbirkelime " * 3,
        cover=SimpleUploadedFile("kapak.png", out.getvalue(), content_type="image/png"),
        cover_alt_tr="Mor bir afiş",
    )
    services.publish(by=coordinator, announcement=announcement)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site}/announcements/{announcement.pk}/")
    expect(page.get_by_role("img", name="Mor bir afiş")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
