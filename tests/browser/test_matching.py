"""Matching in Chromium: a coordinator finds volunteers for a shift, invites three, one
accepts from the e-mail's link and appears on the roster; no WCAG 2.2 AA violation on the
matches page and the invitation pages, in Turkish and English."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from esit.activities.models import SignUp
from esit.matching import selectors, services
from tests import factories
from tests.browser.conftest import axe_violations, choose_language
from tests.browser.test_layout import sign_in
from tests.matching.conftest import candidate, make_shift


def accept_link(message) -> str:
    found = re.search(r"(http://\S+/invitations/[A-Za-z0-9_-]+/accept/)", message.body)
    assert found, message.body
    return found.group(1)


def test_a_coordinator_invites_three_and_one_accepts_from_the_email(page, browser, site):
    shift = make_shift()
    people = [candidate(name, "Yılmaz") for name in ("Ayşe", "Bahar", "Cemre", "Derya")]
    sign_in(page.context, site, factories.StaffFactory(role="coordinator"))

    page.goto(f"{site}/staff/activities/{shift.activity_id}/")
    page.get_by_role("link", name=re.compile("^Gönüllü bul")).first.click()
    expect(page.locator("h1")).to_have_text("Gönüllü bul")
    rows = page.locator("table.matches tbody tr")
    expect(rows).to_have_count(4)
    for person in people[:3]:
        page.get_by_label(f"{person.full_name} adlı gönüllüyü seç").check()
    page.get_by_role("button", name="Seçilenleri davet et").click()
    expect(page.locator(".messages, [role=status], .message").first).to_contain_text(
        "3 gönüllüye davet gönderildi"
    )
    expect(page.locator("table.matches tbody tr")).to_have_count(1)  # the invited leave the list

    invited = people[1]
    (message,) = [m for m in mail.outbox if m.to == [invited.user.email]]
    context = browser.new_context()
    her_page = context.new_page()  # not signed in: the link is the key
    her_page.goto(accept_link(message))
    her_page.get_by_role("button", name="Daveti kabul ediyorum").click()
    expect(her_page.locator("h1")).to_have_text("Davetinizi kabul ettiniz")
    expect(her_page.get_by_role("status")).to_contain_text("kaydınız onaylandı")
    context.close()

    assert SignUp.objects.get(shift=shift).volunteer == invited
    page.goto(f"{site}/staff/activities/{shift.activity_id}/roster/")
    expect(page.locator("main")).to_contain_text(invited.full_name)
    page.goto(f"{site}/staff/activities/{shift.activity_id}/")
    expect(page.locator("#invitations")).to_contain_text("Kabul edildi: 1")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_matching_pages_have_no_accessibility_violations(page, site, language):
    shift = make_shift()
    coordinator = factories.StaffFactory(role="coordinator")
    people = [candidate(name, "Kaya") for name in ("Işıl", "Şule", "Ümran")]
    invited = services.invite(
        work=selectors.work_of(shift), volunteer_ids=[p.pk for p in people[:2]], by=coordinator
    ).invitations
    sign_in(page.context, site, coordinator)
    choose_language(page.context, site, language)
    for path in [
        f"/staff/shifts/{shift.pk}/matches/",
        f"/staff/activities/{shift.activity_id}/",
        f"/invitations/{invited[0].token}/accept/",
        f"/invitations/{invited[0].token}/decline/",
        "/invitations/not-a-real-token/accept/",
    ]:
        page.goto(site + path)
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], path
    page.goto(f"{site}/invitations/{invited[1].token}/accept/")
    page.locator("main form button.button").click()
    expect(page.locator("h1")).to_be_visible()
    assert axe_violations(page) == [], "the answered page"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_recommendations_on_me_have_no_violations_and_not_interested_hides_one(
    page, site, language
):
    deniz = candidate("Deniz", "Aydın")
    shift = make_shift()
    sign_in(page.context, site, deniz.user)
    choose_language(page.context, site, language)
    page.goto(f"{site}/me/")
    recommended = page.locator("#recommended")
    expect(recommended).to_contain_text(
        shift.activity.title_tr if language == "tr" else shift.activity.title_en
    )
    assert axe_violations(page) == []
    recommended.locator("li.recommendation button").first.click()
    expect(recommended.locator("li.recommendation")).to_have_count(0)
    # The list says what happened, and the keyboard stays where the item was.
    removed = recommended.locator("li.recommendation-removed")
    expect(removed).to_have_text(
        "Bu öneriyi listenizden kaldırdık."
        if language == "tr"
        else "We removed this recommendation from your list."
    )
    expect(removed).to_be_focused()
    assert axe_violations(page) == [], "after not interested"


def test_on_a_phone_the_invite_button_stays_in_reach_down_a_long_list(page, site):
    shift = make_shift()
    people = [candidate(f"Kişi{n}", "Yılmaz") for n in range(30)]
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page.context, site, factories.StaffFactory(role="coordinator"))

    page.goto(f"{site}/staff/shifts/{shift.pk}/matches/")
    expect(page.locator("table.matches tbody tr")).to_have_count(30)
    first = page.get_by_label(f"{people[0].full_name} adlı gönüllüyü seç")
    first.scroll_into_view_if_needed()
    first.check()
    button = page.get_by_role("button", name="Seçilenleri davet et")
    expect(button).to_be_in_viewport()  # without scrolling down the 30 rows
    box = page.locator("table.matches").bounding_box()
    assert box is not None
    assert box["y"] + box["height"] > 844  # the list itself goes on below the screen
    button.click()
    expect(page.locator(".messages").first).to_contain_text("1 gönüllüye davet gönderildi")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
