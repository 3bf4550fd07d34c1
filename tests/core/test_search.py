"""One Turkish search (esit/core/search.py): the same answers on SQLite and PostgreSQL, and on
PostgreSQL the Turkish stemmer, typos and the indexes that serve them."""

import pytest
from django.db import connection

from esit.activities.models import Activity
from esit.applications.models import Application
from esit.core.search import MAX_WORD_LENGTH, MAX_WORDS, matching, search_words, word_root
from esit.core.turkish import search_key
from esit.volunteers.models import Volunteer
from tests.factories import ActivityFactory, ApplicationFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full text and typos are PostgreSQL's"
)


def activity(title: str) -> Activity:
    return ActivityFactory(title_tr=title, title_en="", search_text=search_key(title))


def found(query: str) -> list[str]:
    return sorted(a.title_tr for a in matching(Activity.objects.all(), query))


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("istanbul", "İstanbul buluşması"),
        ("İSTANBUL", "İstanbul buluşması"),
        ("ISTANBUL", "İstanbul buluşması"),
        ("ışık", "IŞIK atölyesi"),
        ("isik", "IŞIK atölyesi"),
        ("IŞIK", "IŞIK atölyesi"),
        ("kadin", "Kadın dayanışması"),
        ("KADIN", "Kadın dayanışması"),
        ("ışıl", "IŞIL ile söyleşi"),
        ("sogus", "Soğuş ağı"),
    ],
)
def test_turkish_letters_find_each_other_on_every_database(query, title):
    activity(title)
    activity("Bornova bahar şenliği")
    assert found(query) == [title]


def test_a_plain_letter_finds_its_marked_twin_and_not_the_other_way():
    activity("Sahin ile söyleşi")
    assert found("sahin") == ["Sahin ile söyleşi"]
    # On PostgreSQL the typo match is more lenient: one letter of five differs.
    assert found("şahin") == ([] if connection.vendor == "sqlite" else ["Sahin ile söyleşi"])


@pytest.mark.parametrize(
    ("query", "title"),
    [("kadınlar", "Kadın dayanışması"), ("gönüllüler", "Gönüllü buluşması")],
)
def test_a_plural_finds_its_root_on_every_database(query, title):
    activity(title)
    activity("Bornova bahar şenliği")
    assert found(query) == [title]


def test_roots_cut_the_last_plural_ending():
    assert word_root("kadınların") == "kadın"
    assert word_root("gönüllülerimiz") == "gönüllü"
    assert word_root("bilerek") == "bilerek"  # "ler" too early to be an ending


def test_every_word_must_be_found():
    activity("Kadın dayanışması Konak")
    activity("Kadın dayanışması Bornova")
    assert found("kadın konak") == ["Kadın dayanışması Konak"]


@pytest.mark.parametrize("query", ["%", "_", "a%b", ".*", "[a]", "\\", "(", "a|b", "^k"])
def test_wildcards_in_a_query_are_plain_text(query):
    activity("Kadın dayanışması")
    activity(f"Özel {query} karakter")
    assert found(query) == [f"Özel {query} karakter"]


def test_a_query_of_many_long_words_is_bounded():
    words = search_words(" ".join(["kadın"] * 50) + " " + "x" * 500)
    assert len(words) == MAX_WORDS
    assert all(len(word) <= MAX_WORD_LENGTH for word in words)
    activity("Kadın dayanışması")
    assert found(" ".join(["kadın"] * 50)) == ["Kadın dayanışması"]
    assert found("x" * 5000) == []


def test_an_empty_query_leaves_the_list_alone():
    activity("Kadın dayanışması")
    assert found("   ") == ["Kadın dayanışması"]


def test_a_path_to_a_column_searches_through_the_relation():
    ApplicationFactory(first_name="Işıl", last_name="Şahin")
    ApplicationFactory(first_name="Ayşe", last_name="Kaya")
    assert [a.last_name for a in matching(Application.objects.all(), "ısıl")] == ["Şahin"]


@postgres_only
def test_the_turkish_stemmer_finds_a_case_ending():
    activity("Kadın dayanışma ağı")
    activity("Bornova bahar şenliği")
    assert found("dayanışmaya") == ["Kadın dayanışma ağı"]


@postgres_only
def test_a_typo_still_finds_the_word():
    activity("Bornova bahar şenliği")
    activity("Karşıyaka sahil temizliği")
    assert found("bornva") == ["Bornova bahar şenliği"]


def test_an_address_is_not_taken_for_a_typo_of_another():
    ApplicationFactory(first_name="Elif", email="kisi12@example.org")
    ApplicationFactory(first_name="Zehra", email="kisi13@example.org")
    found = matching(Application.objects.all(), "kisi12@example.org")
    assert [a.first_name for a in found] == ["Elif"]


def test_a_short_typo_finds_nothing():
    activity("Bornova bahar şenliği")
    assert found("brnv") == []


FULL_TEXT_INDEXES = {
    "applications_application": "application_search_fts",
    "volunteers_volunteer": "volunteer_search_fts",
    "activities_activity": "activity_search_fts",
}


@postgres_only
@pytest.mark.parametrize(("table", "index"), FULL_TEXT_INDEXES.items())
def test_each_searched_table_has_a_turkish_full_text_index(table, index):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname = %s",
            [table, index],
        )
        (definition,) = cursor.fetchone()
    assert "USING gin" in definition
    assert "to_tsvector('turkish'::regconfig, (search_text)::text)" in definition


@postgres_only
@pytest.mark.parametrize("model", [Application, Volunteer, Activity])
def test_a_search_is_served_by_both_indexes(model):
    with connection.cursor() as cursor:
        # A test table of no rows is cheaper to scan: ask the planner to use the indexes.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = matching(model.objects.order_by(), "kadınlar bornva").explain()
    table = model._meta.db_table
    assert FULL_TEXT_INDEXES[table] in plan
    assert FULL_TEXT_INDEXES[table].replace("_fts", "_trgm") in plan
    assert "Seq Scan" not in plan
