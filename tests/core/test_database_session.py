"""What every PostgreSQL connection is opened with (esit/settings.py, DATABASES)."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's settings"),
]


def setting(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


def test_no_query_is_compiled_by_jit():
    assert setting("jit") == "off"


def test_the_typo_match_lets_one_missing_letter_through():
    assert float(setting("pg_trgm.word_similarity_threshold")) == 0.5


def test_joins_are_planned_in_groups_of_four():
    assert setting("join_collapse_limit") == "4"
