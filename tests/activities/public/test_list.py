"""/activities/: published activities, filters that keep their values, fixed queries."""

import datetime

import pytest

from tests import factories
from tests.factories import in_days

from .conftest import LIST_URL, card_titles, page

pytestmark = pytest.mark.django_db


def test_upcoming_published_activities_are_listed_soonest_first(client):
    factories.ActivityFactory(title_tr="Sonra", starts_at=in_days(9, 10), ends_at=in_days(9, 12))
    factories.ActivityFactory(title_tr="Önce", starts_at=in_days(2, 10), ends_at=in_days(2, 12))
    assert card_titles(client.get(LIST_URL)) == ["Önce", "Sonra"]


@pytest.mark.parametrize("status", ["draft", "cancelled"])
def test_drafts_and_cancelled_activities_are_not_listed(client, status):
    factories.ActivityFactory(title_tr="Görünmeyen", status=status)
    assert "Görünmeyen" not in page(client.get(LIST_URL))


def test_a_draft_is_never_public_even_among_past_activities(client):
    factories.ActivityFactory(
        title_tr="Eski taslak", status="draft", starts_at=in_days(-5, 10), ends_at=in_days(-5, 12)
    )
    assert "Eski taslak" not in page(client.get(LIST_URL + "?when=past"))


def test_past_activities_have_their_own_view_newest_first(client):
    factories.ActivityFactory(title_tr="Gelecek", starts_at=in_days(3), ends_at=in_days(3, 18))
    factories.ActivityFactory(
        title_tr="Eski", status="completed", starts_at=in_days(-30, 10), ends_at=in_days(-30, 12)
    )
    factories.ActivityFactory(
        title_tr="Yakın geçmiş", starts_at=in_days(-2, 10), ends_at=in_days(-2, 12)
    )
    assert card_titles(client.get(LIST_URL)) == ["Gelecek"]
    assert card_titles(client.get(LIST_URL + "?when=past")) == ["Yakın geçmiş", "Eski"]


def test_kind_filter_narrows_the_list(client):
    factories.ActivityFactory(title_tr="Atölye")
    factories.ActivityFactory(title_tr="Çeviri", kind=factories.activity_kind("translation"))
    kind = factories.activity_kind("translation")
    assert card_titles(client.get(LIST_URL, {"kind": kind.pk})) == ["Çeviri"]


def test_area_filter_narrows_the_list(client):
    factories.ActivityFactory(title_tr="Atölye", areas=[factories.area("workshops")])
    factories.ActivityFactory(
        title_tr="Saha", areas=[factories.area("field-research"), factories.area("workshops")]
    )
    response = client.get(LIST_URL, {"area": factories.area("field-research").pk})
    assert card_titles(response) == ["Saha"]


def test_district_filter_narrows_the_list(client):
    factories.ActivityFactory(title_tr="Konak'ta")
    factories.ActivityFactory(title_tr="Buca'da", district=factories.district("buca"))
    response = client.get(LIST_URL, {"district": factories.district("buca").pk})
    assert card_titles(response) == ["Buca'da"]


def test_date_range_keeps_activities_on_those_days_in_izmir(client):
    factories.ActivityFactory(title_tr="Erken", starts_at=in_days(2, 10), ends_at=in_days(2, 12))
    factories.ActivityFactory(title_tr="Ortada", starts_at=in_days(5, 10), ends_at=in_days(5, 12))
    factories.ActivityFactory(title_tr="Geç", starts_at=in_days(9, 10), ends_at=in_days(9, 12))
    day = in_days(5).date()
    response = client.get(
        LIST_URL,
        {"date_from": (day - datetime.timedelta(days=1)).isoformat(), "date_to": day.isoformat()},
    )
    assert card_titles(response) == ["Ortada"]


def test_an_activity_just_after_midnight_in_izmir_counts_on_that_day(client):
    # 00:30 in İzmir is still the previous day in UTC: the filter must use İzmir's days.
    factories.ActivityFactory(title_tr="Gece", starts_at=in_days(4, 0), ends_at=in_days(4, 1))
    day = in_days(4).date().isoformat()
    assert card_titles(client.get(LIST_URL, {"date_from": day, "date_to": day})) == ["Gece"]
    previous = (in_days(4).date() - datetime.timedelta(days=1)).isoformat()
    assert card_titles(client.get(LIST_URL, {"date_from": previous, "date_to": previous})) == []


def test_filters_keep_their_values(client):
    buca = factories.district("buca")
    day = in_days(3).date().isoformat()
    body = page(client.get(LIST_URL, {"district": buca.pk, "date_from": day}))
    assert f'<option value="{buca.pk}" selected>' in body
    assert f'name="date_from" value="{day}"' in body


def test_a_tampered_filter_is_reported_and_ignored(client):
    factories.ActivityFactory(title_tr="Atölye")
    response = client.get(LIST_URL, {"district": "99999"})
    assert response.status_code == 200
    assert "Lütfen listeden bir seçenek seçin." in page(response)
    assert card_titles(response) == ["Atölye"]


def test_an_end_date_before_the_start_date_is_explained(client):
    response = client.get(LIST_URL, {"date_from": "2030-05-10", "date_to": "2030-05-01"})
    assert "Bitiş tarihi başlangıç tarihinden önce olamaz." in page(response)


def test_english_visitors_see_the_english_title(client):
    factories.ActivityFactory(title_tr="Dayanışma atölyesi", title_en="Solidarity workshop")
    factories.ActivityFactory(title_tr="Yalnız Türkçe başlık", title_en="")
    client.cookies["esit_language"] = "en"
    assert card_titles(client.get(LIST_URL)) == ["Solidarity workshop", "Yalnız Türkçe başlık"]


def test_turkish_visitors_see_the_turkish_title(client):
    factories.ActivityFactory(title_tr="Dayanışma atölyesi", title_en="Solidarity workshop")
    assert card_titles(client.get(LIST_URL)) == ["Dayanışma atölyesi"]


def test_times_are_shown_in_izmir(client):
    factories.ActivityFactory(starts_at=in_days(6, 9), ends_at=in_days(6, 11))
    body = page(client.get(LIST_URL))
    assert "09:00" in body
    assert "11:00" in body


def test_a_card_shows_volunteer_places_left(client):
    shift = factories.ShiftFactory(capacity=3)
    factories.SignUpFactory(shift=shift, status="confirmed")
    factories.SignUpFactory(shift=shift, status="pending")
    factories.SignUpFactory(shift=shift, status="waitlisted")
    factories.SignUpFactory(shift=shift, status="cancelled")
    factories.ShiftFactory(activity=shift.activity, capacity=2)
    assert "3 yer kaldı" in page(client.get(LIST_URL))


def test_a_card_shows_public_places_left(client, workshop):
    from .conftest import make_participant

    make_participant(workshop, email="a@example.org")
    make_participant(workshop, email="b@example.org", status="cancelled")
    assert "1 yer kaldı" in page(client.get(LIST_URL))


def test_the_list_is_paginated_by_twenty(client):
    for n in range(21):
        factories.ActivityFactory(title_tr=f"Etkinlik {n:02d}", starts_at=in_days(3, 10))
    assert len(card_titles(client.get(LIST_URL))) == 20
    assert card_titles(client.get(LIST_URL, {"page": 2})) == ["Etkinlik 20"]


def test_user_typed_titles_are_escaped(client):
    factories.ActivityFactory(title_tr="<script>alert(1)</script>")
    body = page(client.get(LIST_URL))
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def _populate(activities: int, shifts_each: int, signups_each: int) -> None:
    for _n in range(activities):
        activity = factories.ActivityFactory(public_registration=True, public_capacity=4)
        for _s in range(shifts_each):
            shift = factories.ShiftFactory(activity=activity)
            factories.SignUpFactory.create_batch(signups_each, shift=shift)


@pytest.mark.parametrize("size", [(1, 1, 1), (12, 3, 3)])
def test_the_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    _populate(*size)
    # The filters' three lists (kinds, areas, districts), count, page of activities, their areas.
    with django_assert_num_queries(6):
        response = client.get(LIST_URL)
    assert len(card_titles(response)) == size[0]


@pytest.mark.parametrize("size", [(1, 1, 1), (12, 3, 3)])
def test_the_filtered_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    _populate(*size)
    area, district = factories.area("workshops"), factories.district()
    # The filters' three lists, the two chosen rows, count, page, areas.
    with django_assert_num_queries(8):
        response = client.get(LIST_URL, {"area": area.pk, "district": district.pk})
    assert len(card_titles(response)) == size[0]


def test_a_bad_date_keeps_the_choice_of_past_activities(client):
    factories.ActivityFactory(
        title_tr="Geçen ay", starts_at=in_days(-30, 10), ends_at=in_days(-30, 12)
    )
    response = client.get(LIST_URL, {"when": "past", "date_from": "dün"})
    assert "Tarihi GG.AA.YYYY biçiminde girin" in response.content.decode()
    assert card_titles(response) == ["Geçen ay"]
