"""axe-core finds no WCAG 2.2 AA violation on the public activity pages, in Turkish and English:
the list, an activity with its registration form (also showing errors), and the cancel page."""

import pytest
from playwright.sync_api import expect

from esit.activities.models import Participant
from tests import factories
from tests.browser.conftest import axe_violations, choose_language

LANGUAGES = ["tr", "en"]


def public_workshop():
    activity = factories.ActivityFactory(
        title_tr="Kadın hakları atölyesi",
        title_en="Women's rights workshop",
        description_tr="Söyleşi ve atölye.\nHerkes davetlidir.",
        public_registration=True,
        public_capacity=10,
    )
    shift = factories.ShiftFactory(activity=activity, capacity=3)
    factories.SignUpFactory(shift=shift)
    factories.TaskFactory(activity=activity)
    return activity


@pytest.mark.parametrize("language", LANGUAGES)
def test_activity_list_has_no_accessibility_violations(page, site, language):
    public_workshop()
    factories.ActivityFactory(kind=factories.activity_kind("translation"), address="")
    choose_language(page.context, site, language)
    response = page.goto(f"{site}/activities/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator("article.activity-card")).to_have_count(2)
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_activity_page_with_registration_form_has_no_accessibility_violations(page, site, language):
    activity = public_workshop()
    choose_language(page.context, site, language)
    response = page.goto(f"{site}/activities/{activity.pk}/")
    assert response.status == 200
    expect(page.locator(f"form[action='/activities/{activity.pk}/register/']")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_registration_form_with_errors_has_no_accessibility_violations(page, site, language):
    activity = public_workshop()
    choose_language(page.context, site, language)
    page.goto(f"{site}/activities/{activity.pk}/")
    page.fill("input[name=name]", "Şule İnce")
    page.fill("input[name=email]", "sule@")
    page.locator(f"form[action='/activities/{activity.pk}/register/'] button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.locator("input[name=name]").input_value() == "Şule İnce"
    assert axe_violations(page) == []


def test_a_visitor_registers_for_a_workshop(page, site):
    activity = public_workshop()
    page.goto(f"{site}/activities/{activity.pk}/")
    page.fill("input[name=name]", "Şule İnce")
    page.fill("input[name=email]", "sule@example.org")
    page.check("input[name=consent]")
    page.locator(f"form[action='/activities/{activity.pk}/register/'] button[type=submit]").click()
    page.wait_for_url(f"{site}/activities/{activity.pk}/")
    expect(page.get_by_text("Kaydınız onaylandı")).to_be_visible()
    assert Participant.objects.get(email="sule@example.org").status == "confirmed"


@pytest.mark.parametrize("language", LANGUAGES)
def test_cancel_registration_page_has_no_accessibility_violations(page, site, language):
    from tests.activities.public.conftest import make_participant

    participant = make_participant(public_workshop(), email="a@example.org")
    choose_language(page.context, site, language)
    page.goto(f"{site}/activities/registrations/{participant.cancel_token}/cancel/")
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_calendar_page_has_no_accessibility_violations(page, site, language):
    from tests.browser.conftest import sign_in

    volunteer = factories.VolunteerFactory()
    choose_language(page.context, site, language)
    sign_in(page, site, volunteer.user.email, factories.PASSWORD)
    page.wait_for_url(f"{site}/me/")
    page.goto(f"{site}/me/calendar/")
    assert axe_violations(page) == []
