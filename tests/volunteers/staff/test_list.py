"""/staff/volunteers/: every volunteer the reader's scope allows, filtered, searched, sorted,
in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.reference import availability
from esit.volunteers.versions import directory_changed
from tests import factories

from .conftest import LIST, listed, make_volunteer

pytestmark = pytest.mark.django_db


def test_a_volunteer_cannot_open_the_directory(volunteer_client):
    assert volunteer_client.get(LIST).status_code == 403


def test_a_coordinator_without_the_capability_gets_403(client, coordinator):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.get(name="coordinator")
    group.permissions.remove(Permission.objects.get(codename="manage_volunteers"))
    client.force_login(coordinator)
    assert client.get(LIST).status_code == 403


def test_the_list_shows_every_volunteer_with_her_details(coordinator_client):
    ayse = make_volunteer("Ayşe", "Yılmaz", phone="+905321234567")
    html = coordinator_client.get(LIST).content.decode()
    assert f'href="/staff/volunteers/{ayse.pk}/"' in html
    assert "Ayşe Yılmaz" in html
    assert "0532 123 45 67" in html
    assert ayse.user.email in html


def test_names_are_shown_escaped(coordinator_client):
    make_volunteer("<script>alert(1)</script>", "X")
    html = coordinator_client.get(LIST).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("query", "first_name"),
    # "işıl": a plain i also finds the dotless ı (esit/core/search.py), typed without the mark.
    [("ışıl", "Işıl"), ("IŞIL", "Işıl"), ("işıl", "Işıl"), ("izmir", "İzmir"), ("İZMİR", "İzmir")],
)
def test_search_folds_the_turkish_i(coordinator_client, query, first_name):
    people = {"Işıl": make_volunteer("Işıl", "Kaya"), "İzmir": make_volunteer("İzmir", "Ece")}
    expected = [people[first_name].pk] if first_name else []
    assert listed(coordinator_client.get(LIST, {"q": query})) == expected


def test_search_finds_an_email_address(coordinator_client):
    ayse = make_volunteer()
    make_volunteer("Zehra", "Acar")
    assert listed(coordinator_client.get(LIST, {"q": ayse.user.email})) == [ayse.pk]


@pytest.mark.parametrize("query", ["0532 123 45 67", "+90 532 123 45 67", "5321234567"])
def test_search_finds_a_phone_number_however_it_is_written(coordinator_client, query):
    ayse = make_volunteer(phone="+905321234567")
    make_volunteer("Zehra", "Acar", phone="+905429999999")
    assert listed(coordinator_client.get(LIST, {"q": query})) == [ayse.pk]


def test_search_by_phone_needs_the_whole_number(coordinator_client):
    """Phones are encrypted at rest and found through their keyed hash: no partial match."""
    make_volunteer(phone="+905321234567")
    assert listed(coordinator_client.get(LIST, {"q": "1234567"})) == []


def test_names_sort_by_surname_in_turkish_order(coordinator_client):
    for first, last in [("Can", "Ünal"), ("Ali", "Uçar"), ("İpek", "İnce"), ("Işıl", "Ilgaz")]:
        make_volunteer(first, last)
    make_volunteer("Zeynep", "Çelik")
    make_volunteer("Ali", "Can")
    response = coordinator_client.get(LIST, {"sort": "name"})
    names = [volunteer.last_name for volunteer in response.context["page_obj"]]
    assert names == ["Can", "Çelik", "Ilgaz", "İnce", "Uçar", "Ünal"]


def test_join_date_sorts_newest_first(coordinator_client):
    old = make_volunteer("Eski", "Gönüllü", joined_at=timezone.now() - datetime.timedelta(days=400))
    new = make_volunteer("Yeni", "Gönüllü")
    assert listed(coordinator_client.get(LIST, {"sort": "joined"})) == [new.pk, old.pk]
    assert listed(coordinator_client.get(LIST, {"sort": "joined_oldest"})) == [old.pk, new.pk]


def test_filters_by_area_district_and_status(coordinator_client):
    workshops = [factories.area("workshops")]
    translator = make_volunteer(areas=[factories.area("translation")])
    in_bornova = make_volunteer(
        "Zehra", "Acar", district=factories.district("bornova"), areas=workshops
    )
    paused = make_volunteer("Sena", "Koç", status="paused", areas=workshops)
    translation = factories.area("translation").pk
    assert listed(coordinator_client.get(LIST, {"area": translation})) == [translator.pk]
    bornova = factories.district("bornova").pk
    assert listed(coordinator_client.get(LIST, {"district": bornova})) == [in_bornova.pk]
    assert listed(coordinator_client.get(LIST, {"status": "paused"})) == [paused.pk]


def test_a_language_at_least_at_a_level(coordinator_client):
    from esit.volunteers.models import VolunteerLanguage

    fluent, basic = make_volunteer("Ada", "Bal"), make_volunteer("Ece", "Can")
    english = factories.language("en")
    VolunteerLanguage.objects.create(volunteer=fluent, language=english, level="fluent")
    VolunteerLanguage.objects.create(volunteer=basic, language=english, level="basic")
    both = listed(coordinator_client.get(LIST, {"language": english.pk}))
    assert sorted(both) == sorted([fluent.pk, basic.pk])
    at_level = {"language": english.pk, "level": "intermediate"}
    assert listed(coordinator_client.get(LIST, at_level)) == [fluent.pk]


def test_a_level_without_a_language_is_reported_next_to_the_field(coordinator_client):
    response = coordinator_client.get(LIST, {"level": "fluent"})
    assert response.context["filter_form"].errors["level"]


def test_an_availability_slot(coordinator_client):
    mornings = make_volunteer(availability=availability.to_mask(["mon_morning"]))
    make_volunteer("Ece", "Can", availability=availability.to_mask(["mon_evening"]))
    assert listed(coordinator_client.get(LIST, {"slot": "mon_morning"})) == [mornings.pk]


def test_first_timers_are_those_who_have_not_attended_yet(coordinator_client):
    newcomer = make_volunteer()
    regular = make_volunteer("Zehra", "Acar")
    factories.SignUpFactory(volunteer=regular, attendance="attended")
    factories.SignUpFactory(volunteer=newcomer, attendance="no_show")
    assert listed(coordinator_client.get(LIST, {"first_timers": "on"})) == [newcomer.pk]


def _hours(volunteer, *, days_ago: int, hours: int, status="approved"):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return factories.HoursEntryFactory(volunteer=volunteer, date=day, hours=hours, status=status)


def test_last_active_within_and_not_within(coordinator_client):
    recent, earlier = make_volunteer(), make_volunteer("Zehra", "Acar")
    never = make_volunteer("Sena", "Koç")
    _hours(recent, days_ago=5, hours=2)
    _hours(earlier, days_ago=200, hours=2)
    assert listed(coordinator_client.get(LIST, {"last_active": "30"})) == [recent.pk]
    inactive = listed(coordinator_client.get(LIST, {"last_active": "not_90"}))
    assert sorted(inactive) == sorted([earlier.pk, never.pk])


def test_approved_hours_in_a_period_filter_and_sort(coordinator_client):
    many, few = make_volunteer(), make_volunteer("Zehra", "Acar")
    _hours(many, days_ago=10, hours=8)
    _hours(many, days_ago=100, hours=8)
    _hours(few, days_ago=10, hours=3)
    _hours(few, days_ago=10, hours=20, status="rejected")
    since = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    response = coordinator_client.get(LIST, {"hours_from": since, "hours_min": "4"})
    assert listed(response) == [many.pk]
    assert response.context["page_obj"][0].approved_hours == 8
    assert listed(coordinator_client.get(LIST, {"sort": "hours"})) == [many.pk, few.pk]


def test_a_bad_filter_value_is_reported_and_the_rest_still_applies(coordinator_client):
    ayse = make_volunteer()
    make_volunteer("Zehra", "Acar", status="paused")
    response = coordinator_client.get(LIST, {"status": "active", "hours_from": "yesterday"})
    assert response.context["filter_form"].errors["hours_from"]
    assert listed(response) == [ayse.pk]


def test_the_page_is_paginated(coordinator_client):
    for n in range(26):
        make_volunteer(f"Ad{n}", "Soyad")
    first = coordinator_client.get(LIST)
    assert len(listed(first)) == 25
    assert len(listed(coordinator_client.get(LIST, {"page": 2}))) == 1


def _many(count: int) -> None:
    areas = [factories.area("translation"), factories.area("workshops")]
    for _n in range(count):
        volunteer = make_volunteer(areas=areas)
        factories.SignUpFactory(volunteer=volunteer, attendance="attended")
        _hours(volunteer, days_ago=3, hours=2)


@pytest.mark.parametrize("filtered", [False, True])
def test_the_list_runs_a_fixed_number_of_queries(
    coordinator_client, django_assert_num_queries, filtered
):
    params = {"sort": "hours"}
    if filtered:
        params |= {"q": "ayşe", "area": factories.area("translation").pk, "last_active": "30"}
    _many(2)
    coordinator_client.get(LIST, params)  # warm the session and the user's roles
    directory_changed(sender=None)  # both pages measured are built afresh, not kept copies
    with CaptureQueriesContext(connection) as small:
        assert len(listed(coordinator_client.get(LIST, params))) == 2
    _many(18)
    with django_assert_num_queries(len(small.captured_queries)):
        assert len(listed(coordinator_client.get(LIST, params))) == 20


def test_the_filters_swap_only_the_results_for_htmx(coordinator_client):
    make_volunteer()
    response = coordinator_client.get(LIST, {"q": "ayşe"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="directory-results"')
    assert "<form" not in html.split("directory-results", 1)[0]
    assert "HX-Request" in response["Vary"]


def test_an_approved_applicant_is_sorted_by_her_name(coordinator):
    from esit.applications import services as applications
    from esit.volunteers.models import name_key

    application = factories.ApplicationFactory(first_name="Şule", last_name="Çakır")
    applications.approve_application(application=application, by=coordinator)
    assert application.volunteer.name_key == name_key("Şule", "Çakır")
