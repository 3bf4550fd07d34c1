"""The review queue's reading rules: Turkish-aware search, filters, ages, order."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from esit.applications import selectors
from esit.applications.filters import QueueFilter
from esit.applications.models import Application
from tests import factories
from tests.applications.review.conftest import istanbul, years_ago
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

# An unscoped staff member reads the whole programme (scopes: tests/accounts/test_scope.py).
READER = get_user_model()()


def names(queryset) -> set[str]:
    return {application.full_name for application in queryset}


def queue(**filters):
    """The queue as the page filters it: values as the query string carries them."""
    data = {
        name: value.pk
        if hasattr(value, "pk")
        else value.isoformat()
        if hasattr(value, "isoformat")
        else value
        for name, value in filters.items()
    }
    if "search" in data:
        data["q"] = data.pop("search")
    filterset = QueueFilter(data or None, queryset=selectors.review_queue(user=READER))
    assert not filterset.errors, filterset.errors
    return filterset.qs


@pytest.mark.parametrize("query", ["ışıl", "IŞIL", "Işıl", "ışıl güneş", "  IŞIL   GÜNEŞ "])
def test_queue_search_finds_turkish_dotless_i_in_any_case(query):
    ApplicationFactory(first_name="Işıl", last_name="Güneş")
    ApplicationFactory(first_name="Ayşe", last_name="Demir")
    assert names(queue(search=query)) == {"Işıl Güneş"}


@pytest.mark.parametrize("query", ["izmir", "İZMİR", "İzmir", "izmirli"])
def test_queue_search_finds_turkish_capital_i(query):
    ApplicationFactory(first_name="Deniz", last_name="İzmirli")
    ApplicationFactory(first_name="Ayşe", last_name="Demir")
    assert names(queue(search=query)) == {"Deniz İzmirli"}


def test_queue_search_lets_a_plain_i_find_the_dotless_one():
    # Since one search (esit/core/search.py): a letter typed without its Turkish mark finds
    # the marked one too, so "ismail" finds "Ismail" (folded "ısmail"); a marked letter
    # other than ı finds only itself.
    ApplicationFactory(first_name="Ismail", last_name="Kaya")  # folds to "ısmail"
    ApplicationFactory(first_name="Sule", last_name="Kara")
    assert names(queue(search="ismail")) == {"Ismail Kaya"}
    assert names(queue(search="ısmail")) == {"Ismail Kaya"}
    assert names(queue(search="şule")) == set()


def test_queue_search_matches_the_email_address():
    ApplicationFactory(first_name="Elif", last_name="Şahin", email="elif.sahin@example.org")
    ApplicationFactory(first_name="Elif", last_name="Kara", email="ekara@example.org")
    # "SAHIN" folds to "sahın", whose ı also finds i: a capital typed the English way.
    assert names(queue(search="SAHIN@example")) == {"Elif Şahin"}
    assert names(queue(search="sahin@example")) == {"Elif Şahin"}
    assert names(queue(search="kara@example")) == {"Elif Kara"}


def test_queue_search_needs_every_word():
    ApplicationFactory(first_name="Elif", last_name="Şahin")
    ApplicationFactory(first_name="Elif", last_name="Kara")
    assert names(queue(search="elif şahin")) == {"Elif Şahin"}


def test_queue_search_treats_like_wildcards_as_text():
    ApplicationFactory(first_name="Elif", last_name="Kara")
    assert not queue(search="%").exists()
    assert not queue(search="_lif").exists()


def test_queue_is_newest_first_by_default():
    ApplicationFactory(first_name="Eski", submitted_at=istanbul(2025, 1, 1))
    ApplicationFactory(first_name="Yeni", submitted_at=istanbul(2025, 3, 1))
    ApplicationFactory(first_name="Orta", submitted_at=istanbul(2025, 2, 1))
    assert [a.first_name for a in queue()] == ["Yeni", "Orta", "Eski"]


def test_queue_filters_by_status():
    ApplicationFactory(first_name="Açık")
    ApplicationFactory(first_name="Bekleyen", status=Application.Status.WAITLISTED)
    result = queue(status=Application.Status.WAITLISTED)
    assert [a.first_name for a in result] == ["Bekleyen"]


def test_queue_filters_by_area_without_repeating_rows():
    translation, workshops = factories.area("translation"), factories.area("workshops")
    ApplicationFactory(first_name="İkisi", areas=[translation, workshops])
    ApplicationFactory(first_name="Atölye", areas=[workshops])
    assert [a.first_name for a in queue(area=translation)] == ["İkisi"]
    assert sorted(a.first_name for a in queue(area=workshops)) == [
        "Atölye",
        "İkisi",
    ]


def test_queue_filters_by_district():
    ApplicationFactory(first_name="Konaklı", district=factories.district("konak"))
    ApplicationFactory(first_name="Bucalı", district=factories.district("buca"))
    result = queue(district=factories.district("buca"))
    assert [a.first_name for a in result] == ["Bucalı"]


def test_queue_filters_by_language():
    arabic = factories.language("ar")
    ApplicationFactory(
        first_name="Arapça", languages=[(arabic, "native"), (factories.language("en"), "basic")]
    )
    ApplicationFactory(first_name="İngilizce", languages=[(factories.language("en"), "fluent")])
    assert [a.first_name for a in queue(language=arabic)] == ["Arapça"]


def test_age_group_is_the_age_reached_this_calendar_year():
    """The exact birth date is encrypted at rest: the queue bands by the clear birth year."""
    year = timezone.localdate().year
    ApplicationFactory(first_name="Ocak25", birth_date=datetime.date(year - 25, 1, 1))
    ApplicationFactory(first_name="Aralık25", birth_date=datetime.date(year - 25, 12, 31))
    ApplicationFactory(first_name="Ocak24", birth_date=datetime.date(year - 24, 1, 1))
    assert names(queue(age_group="25-34")) == {"Ocak25 Güneş", "Aralık25 Güneş"}
    assert names(queue(age_group="18-24")) == {"Ocak24 Güneş"}


@pytest.mark.parametrize(
    ("age_group", "expected"),
    [
        ("18-24", {"18"}),
        ("25-34", {"34"}),
        ("35-44", {"35"}),
        ("45-54", {"54"}),
        ("55-64", {"55"}),
        ("65+", {"65", "90"}),
    ],
)
def test_age_groups_cover_each_band(age_group, expected):
    for age in (18, 34, 35, 54, 55, 65, 90):
        ApplicationFactory(first_name=str(age), birth_date=years_ago(age))
    assert {a.first_name for a in queue(age_group=age_group)} == expected


def test_age_group_is_a_birth_year_range_in_the_query():
    sql = str(queue(age_group="25-34").query)
    assert '"birth_year" >=' in sql or "birth_year >=" in sql


def test_submitted_dates_are_whole_days_in_izmir():
    ApplicationFactory(first_name="Önceki", submitted_at=istanbul(2025, 3, 9, 23, 59))
    ApplicationFactory(first_name="İlkGün", submitted_at=istanbul(2025, 3, 10, 0, 1))
    ApplicationFactory(first_name="SonGün", submitted_at=istanbul(2025, 3, 12, 23, 50))
    ApplicationFactory(first_name="Sonraki", submitted_at=istanbul(2025, 3, 13, 0, 5))
    result = queue(
        submitted_from=datetime.date(2025, 3, 10), submitted_to=datetime.date(2025, 3, 12)
    )
    assert [a.first_name for a in result] == ["SonGün", "İlkGün"]


def test_filters_combine():
    buca = factories.district("buca")
    ApplicationFactory(first_name="Işıl", district=buca)
    ApplicationFactory(first_name="Işıl", district=factories.district("konak"))
    ApplicationFactory(first_name="Elif", district=buca)
    result = queue(district=buca, search="ışıl")
    assert [(a.first_name, a.district) for a in result] == [("Işıl", buca)]


def test_status_counts_list_every_status_including_zero():
    ApplicationFactory()
    ApplicationFactory()
    ApplicationFactory(status=Application.Status.REJECTED)
    counts = {row.status: row.count for row in selectors.status_counts(user=READER)}
    assert counts == {
        "submitted": 2,
        "waitlisted": 0,
        "approved": 0,
        "rejected": 1,
        "withdrawn": 0,
    }


def test_application_detail_of_a_missing_application_raises():
    with pytest.raises(Application.DoesNotExist):
        selectors.application_detail(987654, user=READER)


@pytest.mark.parametrize("query", ["0532 123 45 67", "+90 532 123 45 67", "5321234567"])
def test_queue_search_finds_a_whole_phone_number_through_its_hash(query):
    ApplicationFactory(first_name="Telefonlu", phone="+905321234567")
    ApplicationFactory(first_name="Başka", phone="+905429999999")
    assert names(queue(q=query)) == {"Telefonlu Güneş"}
    assert names(queue(q="1234567")) == set()
