import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from esit.activities.models import TaskAssignment
from esit.notifications import preferences
from esit.volunteers.models import VolunteerLanguage
from tests import factories

from .conftest import REMINDER

DASHBOARD = "/me/"


def test_dashboard_lives_at_me():
    assert reverse("volunteers:dashboard") == DASHBOARD


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/me/"


def test_dashboard_welcomes_the_volunteer_and_summarises_the_profile(
    volunteer_client, multilingual_volunteer
):
    response = volunteer_client.get(DASHBOARD)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Hoş geldiniz, Ayşe" in page
    assert "Konak" in page
    assert "Tercüme" in page
    assert multilingual_volunteer.phone_national in page
    assert "İngilizce (İleri)" in page
    assert "Arapça (Orta)" in page
    assert 'href="/me/profile/"' in page
    assert 'href="/me/notifications/"' in page
    assert 'href="/me/withdraw/"' in page


def test_dashboard_shows_the_phone_as_people_write_it(volunteer_client, volunteer):
    volunteer.phone = "+905321234567"
    volunteer.save(update_fields=["phone"])

    page = volunteer_client.get(DASHBOARD).content.decode()

    assert "<dt>Cep telefonu</dt><dd>0532 123 45 67</dd>" in page


def test_dashboard_shows_availability_as_a_week_grid(volunteer_client, volunteer):
    # The factory's mask 0b101: Monday morning and Monday evening, nothing else.
    response = volunteer_client.get(DASHBOARD)

    week = response.context["week"]
    assert len(week) == 7
    monday_label, monday = week[0]
    assert str(monday_label) == "Pazartesi"
    assert [available for _part, available in monday] == [True, False, True]
    assert all(not available for _day, slots in week[1:] for _part, available in slots)
    page = response.content.decode()
    assert page.count('<span class="visually-hidden">Uygun</span>') == 2
    assert page.count('<span class="visually-hidden">Uygun değil</span>') == 19


def test_dashboard_summarises_notification_preferences(volunteer_client, volunteer):
    preferences.set_preference(user=volunteer.user, kind_key=REMINDER, enabled=False)

    page = volunteer_client.get(DASHBOARD).content.decode()

    assert "<dt>Haftalık özet (test)</dt><dd>Açık</dd>" in page
    assert "<dt>Vardiya hatırlatmaları</dt><dd>Kapalı</dd>" in page


def test_dashboard_speaks_english_when_asked(volunteer_client, multilingual_volunteer):
    volunteer_client.cookies["esit_language"] = "en"

    page = volunteer_client.get(DASHBOARD, headers={"accept-language": "en"}).content.decode()

    assert "Translation" in page
    assert "Tercüme" not in page


def test_dashboard_escapes_what_people_typed(volunteer_client, volunteer):
    volunteer.first_name = "<script>alert(1)</script>Şule"
    volunteer.save(update_fields=["first_name"])

    page = volunteer_client.get(DASHBOARD).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Şule" in page


def test_signed_in_person_without_a_profile_gets_an_explanation(signed_in_without_profile):
    response = signed_in_without_profile.get(DASHBOARD)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Bu hesabın gönüllü profili yok" in page
    assert 'href="/apply/"' in page


def test_staff_without_a_profile_is_pointed_to_the_staff_workspace(client, coordinator):
    client.force_login(coordinator)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Bu hesabın gönüllü profili yok" in page
    assert 'href="/staff/"' in page


@pytest.mark.parametrize("path", ["/me/profile/", "/me/notifications/", "/me/withdraw/"])
def test_edit_pages_explain_themselves_to_someone_without_a_profile(
    signed_in_without_profile, path
):
    response = signed_in_without_profile.get(path)

    assert response.status_code == 200
    assert "Bu hesabın gönüllü profili yok" in response.content.decode()


@pytest.mark.parametrize("path", ["/me/profile/", "/me/notifications/", "/me/withdraw/"])
def test_edit_pages_need_sign_in(client, db, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"


def test_withdrawn_volunteer_sees_that_they_left_and_how_to_return(withdrawn_volunteer_client):
    response = withdrawn_volunteer_client.get(DASHBOARD)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Programdan ayrıldınız" in page
    assert "yeni bir gönüllü başvurusu yapın" in page
    assert 'href="/apply/"' in page
    assert 'href="/me/profile/"' not in page
    assert 'href="/me/withdraw/"' not in page


# Session, user, profile, areas, languages, the volunteer's work (next shifts, open tasks,
# approved hours by area and by month), the announcements meant for her and her notification
# preferences (11; her roles come with her cached standing, esit/accounts/standing.py); matching's
# "recommended for you": her areas, her languages, the districts, her booked times ahead,
# open shifts, open tasks (6); the network's panel of her ideas (1).
DASHBOARD_QUERIES = 18


@pytest.mark.parametrize("extra", [0, 5])
def test_dashboard_runs_a_fixed_number_of_queries(
    volunteer_client, volunteer, django_assert_num_queries, extra
):
    areas = factories.VolunteerArea.objects.all()[: 1 + extra]
    volunteer.areas.set(areas)
    for language in factories.Language.objects.all()[: 1 + extra]:
        VolunteerLanguage.objects.create(volunteer=volunteer, language=language, level="basic")
    for index in range(1 + extra):
        factories.SignUpFactory(volunteer=volunteer)
        factories.HoursEntryFactory(
            volunteer=volunteer,
            status="approved",
            area=areas[index],
            date=timezone.localdate() - datetime.timedelta(days=31 * index),
        )
        TaskAssignment.objects.create(
            task=factories.TaskFactory(),
            volunteer=volunteer,
            status="claimed",
            claimed_at=timezone.now(),
        )

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = volunteer_client.get(DASHBOARD)

    assert response.status_code == 200
    assert len(response.context["languages"]) == 1 + extra
    work = response.context["work"]
    assert len(response.context["hours"].by_area) == 1 + extra
    assert len(work.upcoming_signups) == min(1 + extra, 5)
