"""The network's ideas in Chromium: a volunteer posts an idea, another supports it (htmx: the
count changes without a reload) and comments, staff accept it and create an activity from it,
and it appears on /ideas/done/ once the activity has happened; no WCAG 2.2 AA violation on the
list and an idea's page, in Turkish and English."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from esit.activities.models import Activity, Shift
from esit.community import services
from esit.community.models import Idea
from tests import factories
from tests.browser.conftest import axe_violations, choose_language
from tests.browser.test_layout import sign_in


def test_an_idea_goes_from_a_volunteer_to_an_activity(page, browser, site):
    author = factories.VolunteerFactory(first_name="Ayşe", last_name="Yılmaz")
    supporter = factories.VolunteerFactory(first_name="Elif", last_name="Şahin")
    coordinator = factories.StaffFactory(role="coordinator")

    sign_in(page.context, site, author.user)
    page.goto(f"{site}/ideas/")
    page.get_by_role("link", name="Fikir paylaş").first.click()
    page.get_by_label("Başlık").fill("Mahallede dayanışma kahvaltısı")
    page.get_by_label("Fikriniz").fill("Her ay bir mahallede **buluşalım**.")
    page.get_by_role("combobox", name="Alan").select_option(label="Atölye çalışmaları")
    page.get_by_role("button", name="Paylaş").click()
    expect(page.locator("h1")).to_have_text("Mahallede dayanışma kahvaltısı")
    expect(page.locator(".idea-body strong")).to_have_text("buluşalım")
    idea = Idea.objects.get()

    other = browser.new_context(locale="en-US")
    her_page = other.new_page()
    sign_in(other, site, supporter.user)
    her_page.goto(f"{site}/ideas/{idea.pk}/")
    her_page.evaluate("window.notReloaded = true")
    expect(her_page.locator(".support-count")).to_have_text("0 kişi destekliyor")
    her_page.get_by_role("button", name="Destekle").click()
    expect(her_page.locator(".support-count")).to_have_text("1 kişi destekliyor")
    expect(her_page.get_by_role("button", name="Desteğimi geri al")).to_be_focused()
    assert her_page.evaluate("window.notReloaded") is True  # htmx swapped the partial
    her_page.get_by_label("Yorumunuz").fill("Ben de gelirim, çay benden!")
    her_page.get_by_role("button", name="Yorumu gönder").click()
    expect(her_page.locator(".comment-body")).to_have_text("Ben de gelirim, çay benden!")
    other.close()

    sign_in(page.context, site, coordinator)
    page.goto(f"{site}/ideas/{idea.pk}/")
    page.get_by_role("link", name="Durumu değiştir").click()
    page.get_by_label("Kabul edildi").check()
    page.get_by_role("button", name="Durumu değiştir").click()
    expect(page.locator(".status-badge").first).to_have_text("Kabul edildi")
    page.get_by_role("link", name="Fikirden etkinlik oluştur").click()
    page.get_by_role("combobox", name="Tür").select_option(label="Atölye")
    page.get_by_label("Adres").fill("Bornova Kadın Danışma Merkezi")
    start = timezone.localtime() + datetime.timedelta(days=3)
    page.get_by_label("Başlangıç").fill(start.strftime("%Y-%m-%dT10:00"))
    page.get_by_label("Bitiş").fill(start.strftime("%Y-%m-%dT13:00"))
    page.get_by_role("combobox", name="İlçe").select_option(label="Bornova")
    page.get_by_role("button", name="Etkinliği oluştur").click()
    expect(page.locator(".messages")).to_contain_text("taslak bir etkinlik oluşturuldu")
    idea.refresh_from_db()
    assert idea.status == Idea.Status.IN_PROGRESS
    assert idea.activity.title_tr == "Mahallede dayanışma kahvaltısı"

    # The activity takes place (the planning pages have their own browser tests).
    Activity.objects.filter(pk=idea.activity_id).update(status=Activity.Status.PUBLISHED)
    held = timezone.now() - datetime.timedelta(hours=3)
    Shift.objects.create(
        activity=idea.activity,
        starts_at=held,
        ends_at=held + datetime.timedelta(hours=2),
        capacity=5,
    )
    page.goto(f"{site}/ideas/done/")
    expect(page.locator("main")).to_contain_text("Mahallede dayanışma kahvaltısı")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_ideas_pages_have_no_accessibility_violations(page, site, language):
    author = factories.VolunteerFactory()
    reader = factories.VolunteerFactory(first_name="Elif", last_name="Şahin")
    idea = services.post_idea(
        author=author.user,
        title="Kadın kooperatifleri pazarı",
        body="Her ay *bir ilçede* pazar.\n\n- Ürünler\n- Atölyeler",
        area=factories.area(),
        district=factories.district("konak"),
    )
    services.support(idea=idea, person=reader.user)
    comment = services.post_comment(idea=idea, author=author.user, body="İlk yorum")
    services.post_comment(idea=idea, author=reader.user, body="Bir yanıt", parent=comment)
    sign_in(page.context, site, reader.user)
    choose_language(page.context, site, language)
    for path in ["/ideas/", f"/ideas/{idea.pk}/", "/ideas/new/", "/ideas/me/", "/ideas/done/"]:
        page.goto(site + path)
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], path
