"""In Chromium: a volunteer raises a safety concern on a phone, a designated handler
acknowledges it; the channel's pages have no WCAG 2.2 AA violation, in Turkish and English."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from playwright.sync_api import expect

from esit.safety import services
from esit.safety.models import Concern
from tests import factories
from tests.browser.conftest import axe_violations, choose_language


def sign_in_as(context, site, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )


def designated_handler():
    handler = factories.StaffFactory(role="coordinator")
    handler.user_permissions.add(
        Permission.objects.get(content_type__app_label="safety", codename="handle_concerns")
    )
    return handler


def test_a_volunteer_raises_a_concern_on_a_phone_and_a_handler_acknowledges_it(page, site):
    volunteer = factories.VolunteerFactory()
    handler = designated_handler()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in_as(page.context, site, volunteer.user)

    page.goto(f"{site}/me/")
    page.get_by_role("link", name="Güvenlik bildirimi yap").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Güvenlik ve taciz bildirimi")
    page.get_by_label("Ne oldu?").fill("Yazışma grubunda bana sürekli özelden mesaj atıyor.")
    page.get_by_label("Kim ya da hangi yazışma hakkında?").fill("Çeviri grubundaki bir gönüllü")
    page.get_by_label("E-posta ile").check()
    page.get_by_label("açık rıza veriyorum").check()
    page.get_by_role("button", name="Bildirimi gönder").click()
    expect(page.get_by_text("Bildiriminiz yetkili personele ulaştı.")).to_be_visible()
    expect(page.locator("article").get_by_text("Alındı")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390

    concern = Concern.objects.get()
    sign_in_as(page.context, site, handler)
    page.goto(f"{site}/staff/safety/")
    page.get_by_role("link", name=f"Bildirim {concern.pk}").click()
    expect(page.get_by_text("Yazışma grubunda bana sürekli özelden mesaj atıyor.")).to_be_visible()
    page.get_by_role("button", name="Görüldü olarak işaretle").click()
    expect(page.get_by_text("Bildirim görüldü olarak işaretlendi")).to_be_visible()
    concern.refresh_from_db()
    assert concern.status == Concern.Status.ACKNOWLEDGED


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_channels_pages_have_no_accessibility_violations(page, site, language):
    volunteer = factories.VolunteerFactory()
    handler = designated_handler()
    concern = services.raise_concern(
        by=volunteer.user, what_happened="Israrla mesaj attı.", about="Bir gönüllü", consent=True
    )
    services.acknowledge(concern=concern, by=handler)
    services.add_entry(concern=concern, by=handler, kind="reply", text="İlgileniyoruz.")
    choose_language(page.context, site, language)

    sign_in_as(page.context, site, volunteer.user)
    page.goto(f"{site}/me/safety/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_violations(page) == []
    page.locator("form.card button[type=submit]").click()  # empty: errors next to the fields
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []

    sign_in_as(page.context, site, handler)
    for path in ["/staff/safety/", f"/staff/safety/{concern.pk}/"]:
        response = page.goto(site + path)
        assert response.status == 200, path
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert axe_violations(page) == [], path


def test_on_a_phone_she_takes_back_her_consent_and_the_texts_go(page, site):
    volunteer = factories.VolunteerFactory()
    concern = services.raise_concern(
        by=volunteer.user, what_happened="Israrla mesaj attı.", about="Bir gönüllü", consent=True
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in_as(page.context, site, volunteer.user)

    page.goto(f"{site}/me/safety/")
    expect(page.get_by_text("Israrla mesaj attı.")).to_be_visible()
    page.get_by_role("button", name="Açık rızamı geri al ve bu bildirimin metinlerini sil").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Açık rızanızı geri alıyor musunuz?")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Evet, rızamı geri al ve metinleri sil").click()
    expect(page.get_by_text("Açık rızanızı geri aldınız")).to_be_visible()
    expect(page.get_by_text("Israrla mesaj attı.")).to_have_count(0)
    expect(page.locator("article").get_by_text("Bildiren geri çekti")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    concern.refresh_from_db()
    assert concern.texts_removed_at is not None
