"""On PostgreSQL, search's LIKE '%…%' over `search_text` is served by a trigram GIN index; on
SQLite the migrations that make them do nothing and search works as before."""

import pytest
from django.db import connection

from esit.applications.models import Application
from esit.core.search import matching
from esit.volunteers.models import Volunteer
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

TRIGRAM_INDEXES = {
    "applications_application": "application_search_trgm",
    "volunteers_volunteer": "volunteer_search_trgm",
    "activities_activity": "activity_search_trgm",
}

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's"
)


@postgres_only
@pytest.mark.parametrize(("table", "index"), TRIGRAM_INDEXES.items())
def test_each_searched_table_has_a_trigram_index(table, index):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname = %s",
            [table, index],
        )
        (definition,) = cursor.fetchone()
    assert "USING gin" in definition
    assert "gin_trgm_ops" in definition


@postgres_only
@pytest.mark.parametrize("model", [Application, Volunteer])
def test_a_search_can_use_the_trigram_index(model):
    with connection.cursor() as cursor:
        # On a test database of a few rows the planner would rather scan: ask it not to.
        cursor.execute("SET LOCAL enable_seqscan = off")
    # Unordered: with the wider rows of encrypted columns, the planner would otherwise walk
    # the queue's ordering index and filter, which says nothing about the trigram index.
    plan = matching(model.objects.order_by(), "şahin").explain()
    assert TRIGRAM_INDEXES[model._meta.db_table] in plan


def test_search_still_finds_turkish_letters_on_every_database():
    ApplicationFactory(first_name="Işıl", last_name="Şahin")
    ApplicationFactory(first_name="Ayşe", last_name="Kaya")
    found = matching(Application.objects.all(), "ŞAHİN")
    assert [a.last_name for a in found] == ["Şahin"]
