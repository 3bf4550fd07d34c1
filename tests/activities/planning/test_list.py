"""The staff activity list: every status, filters, Turkish search, counts, fixed queries."""

import datetime
import re

import pytest
from django.urls import reverse

from esit.activities.models import SignUp
from esit.activities.services import planning
from esit.core.turkish import search_key
from tests import factories
from tests.activities.planning.conftest import istanbul

LIST_URL = reverse("planning:list")


def listed_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<th scope="row"><a href="/staff/activities/\d+/">([^<]*)</a></th>', html)


def activity(title="Atölye", **fields):
    """An activity whose search text is kept as the planning services keep it."""
    made = factories.ActivityFactory(title_tr=title, title_en="", **fields)
    made.search_text = search_key(made.title_tr, made.title_en)
    made.save(update_fields=["search_text"])
    return made


def test_list_shows_drafts_and_cancelled_activities_latest_first(coordinator_client):
    activity(
        "Taslak",
        status="draft",
        starts_at=istanbul(2031, 1, 1, 10),
        ends_at=istanbul(2031, 1, 1, 12),
    )
    activity(
        "İptal",
        status="cancelled",
        starts_at=istanbul(2031, 2, 1, 10),
        ends_at=istanbul(2031, 2, 1, 12),
    )
    activity("Yayında", starts_at=istanbul(2031, 3, 1, 10), ends_at=istanbul(2031, 3, 1, 12))
    assert listed_titles(coordinator_client.get(LIST_URL)) == ["Yayında", "İptal", "Taslak"]


@pytest.mark.parametrize("query", ["ışıl", "IŞIL", "Işıl"])
def test_search_finds_dotless_i_whatever_the_case(coordinator_client, query):
    activity("Işıl Sokaklar yürüyüşü")
    activity("Ilgaz çalıştayı")
    assert listed_titles(coordinator_client.get(LIST_URL, {"q": query})) == [
        "Işıl Sokaklar yürüyüşü"
    ]


def test_search_finds_capital_dotted_i(coordinator_client):
    activity("İzmir kadın buluşması")
    activity("Ismarlama atölye")
    assert listed_titles(coordinator_client.get(LIST_URL, {"q": "izmir"})) == [
        "İzmir kadın buluşması"
    ]


def test_search_looks_at_the_english_title_too(coordinator_client):
    made = factories.ActivityFactory(title_tr="Dayanışma", title_en="Solidarity walk")
    planning.update_activity(activity=made, by=None, title_en="Solidarity walk")
    assert listed_titles(coordinator_client.get(LIST_URL, {"q": "solidarity"})) == ["Dayanışma"]


FILTERS = {
    "status": lambda: ({"status": "draft"}, {"status": "draft"}, {"status": "published"}),
    "kind": lambda: (
        {"kind": factories.activity_kind("campaign").pk},
        {"kind": factories.activity_kind("campaign")},
        {"kind": factories.activity_kind("workshop")},
    ),
    "district": lambda: (
        {"district": factories.district("buca").pk},
        {"district": factories.district("buca")},
        {"district": factories.district("konak")},
    ),
    "date range": lambda: (
        {"starts_from": "2031-05-01", "starts_to": "2031-05-31"},
        {"starts_at": istanbul(2031, 5, 31, 22), "ends_at": istanbul(2031, 5, 31, 23)},
        {"starts_at": istanbul(2031, 6, 1, 0), "ends_at": istanbul(2031, 6, 1, 2)},
    ),
}


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_keeps_matching_activities(coordinator_client, name):
    query, matching, other = FILTERS[name]()
    activity("Uyan", **matching)
    activity("Uymayan", **other)
    assert listed_titles(coordinator_client.get(LIST_URL, query)) == ["Uyan"]


def test_a_bad_filter_is_reported_and_ignored(coordinator_client):
    activity("Atölye")
    response = coordinator_client.get(
        LIST_URL, {"starts_from": "2031-05-10", "starts_to": "2031-05-01"}
    )
    assert "Bitiş tarihi başlangıç tarihinden önce olamaz." in response.content.decode()
    assert listed_titles(response) == []  # starts_from alone still applies


def test_list_counts_shifts_confirmed_places_and_capacity(coordinator_client):
    made = activity("Sayılan")
    first = factories.ShiftFactory(activity=made, capacity=5)
    factories.ShiftFactory(
        activity=made,
        capacity=3,
        starts_at=made.starts_at.replace(hour=made.starts_at.hour + 4),
        ends_at=made.starts_at.replace(hour=made.starts_at.hour + 6),
    )
    factories.SignUpFactory.create_batch(2, shift=first)
    factories.SignUpFactory(shift=first, status=SignUp.Status.WAITLISTED)
    row = coordinator_client.get(LIST_URL).content.decode().split("Sayılan</a></th>")[1]
    numbers = re.findall(r'<td class="numeric">([^<]*)</td>', row.split("</tr>")[0])
    assert numbers == ["2", "2 / 8"]


def make_activities(count: int) -> None:
    for _ in range(count):
        made = factories.ActivityFactory()
        shift = factories.ShiftFactory(activity=made)
        factories.SignUpFactory(shift=shift)


def test_list_runs_a_fixed_number_of_queries(coordinator_client, django_assert_num_queries):
    make_activities(2)
    coordinator_client.get(LIST_URL)  # warm the session and reference caches
    # Session, user, the page's own 5 (roles, permissions and scope come with the standing,
    # kept in the cache: esit/accounts/standing.py).
    with django_assert_num_queries(7):
        coordinator_client.get(LIST_URL, {"status": "published"})
    make_activities(20)
    with django_assert_num_queries(7):
        response = coordinator_client.get(LIST_URL, {"status": "published"})
    assert len(listed_titles(response)) == 22


def test_list_is_paginated(coordinator_client):
    for number in range(27):
        activity(
            f"Etkinlik {number:02d}",
            starts_at=istanbul(2031, 1, number + 1, 10),
            ends_at=istanbul(2031, 1, number + 1, 12),
        )
    first = coordinator_client.get(LIST_URL)
    second = coordinator_client.get(LIST_URL, {"page": 2})
    assert len(listed_titles(first)) == 25
    assert listed_titles(second) == ["Etkinlik 01", "Etkinlik 00"]


def add_shifts_and_tasks(made, count: int) -> None:
    for number in range(count):
        start = made.starts_at + datetime.timedelta(minutes=20 * number)
        shift = factories.ShiftFactory(
            activity=made, starts_at=start, ends_at=start + datetime.timedelta(minutes=10)
        )
        shift.required_areas.set([factories.area("translation")])
        factories.SignUpFactory(shift=shift)
        factories.TaskFactory(activity=made)


def test_detail_runs_a_fixed_number_of_queries(coordinator_client, django_assert_num_queries):
    made = activity("Ayrıntı")
    url = reverse("planning:detail", args=[made.pk])
    add_shifts_and_tasks(made, 1)
    coordinator_client.get(url)
    # Session, user, 9 for the page itself, +1 for matching's panel of invitations (roles,
    # permissions and scope come with the cached standing).
    with django_assert_num_queries(12):
        coordinator_client.get(url)
    add_shifts_and_tasks(made, 15)
    with django_assert_num_queries(12):
        response = coordinator_client.get(url)
    assert response.content.decode().count("/repeat/") == 16


def test_a_tampered_filter_value_is_reported_in_words_and_ignored(coordinator_client):
    activity("Atölye")
    response = coordinator_client.get(LIST_URL, {"kind": "999999", "status": "bogus"})
    html = response.content.decode()
    assert "Bazı süzgeçler uygulanamadı" in html
    assert "Lütfen listeden bir seçenek seçin." in html
    assert listed_titles(response) == ["Atölye"]
