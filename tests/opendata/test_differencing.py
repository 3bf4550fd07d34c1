"""Two answers cannot be combined into a smaller group than one published cell.

The attack the tables are built against: ask for March–April and for April alone; what
March–April says beyond April is March. If the API gave a total over the period per
category (or took arbitrary days), "Bornova, March–April" minus "Bornova, March" would
be the 2 men of Bornova who worked in April, a cell hidden in April's own row.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.opendata.conftest import row, table

pytestmark = pytest.mark.django_db


def test_the_difference_of_two_overlapping_periods_is_only_published_cells(client, city):
    both = table(client, "volunteers-by-district", start="2026-03", end="2026-04")
    april = table(client, "volunteers-by-district", start="2026-04", end="2026-04")
    march = table(client, "volunteers-by-district", start="2026-03", end="2026-03")

    # The same month is the same cells whichever period holds it.
    assert row(both, "2026-04") == row(april, "2026-04")
    assert row(both, "2026-03") == row(march, "2026-03")
    # Each answer is its months and nothing else: no total over the period to subtract.
    assert [r["month"] for r in both["rows"]] == ["2026-03", "2026-04"]
    assert set(both["rows"][0]) == {"month", "total", "cells"}

    # The attacker's subtraction: everything March–April shows of Bornova minus what March
    # shows. It is 0, not the 2 men of April, whose cell stays hidden in every answer.
    def shown(data, code):
        return sum(
            cell["value"] or 0
            for r in data["rows"]
            for cell in r["cells"]
            if cell["category"] == code
        )

    assert shown(both, "bornova") - shown(march, "bornova") == 0
    assert row(april, "2026-04")["bornova"] is None
    assert row(both, "2026-04")["bornova"] is None
    # Nor from the month's total: Konak is hidden beside it (9 = Konak + Bornova, unknown).
    assert row(april, "2026-04")["total"] == 9
    assert row(april, "2026-04")["konak"] is None


def test_days_cannot_be_asked_for_only_whole_months(client, city):
    for start in ("2026-03-15", "2026-3", "202603", "2026-13"):
        response = client.get("/api/v1/statistics/volunteers-by-district/", {"start": start})
        assert response.status_code == 422, start


def test_a_period_backwards_or_too_long_is_refused_with_a_reason(client, city):
    backwards = client.get(
        "/api/v1/statistics/hours-by-gender/", {"start": "2026-05", "end": "2026-03"}
    )
    assert backwards.status_code == 400
    assert backwards.json() == {"detail": "Başlangıç ayı bitiş ayından sonra olamaz."}
    too_long = client.get(
        "/api/v1/statistics/hours-by-gender/", {"start": "2020-01", "end": "2026-03"}
    )
    assert too_long.status_code == 400
    assert "36" in too_long.json()["detail"]
    too_early = client.get("/api/v1/statistics/hours-by-gender/", {"start": "1999-12"})
    assert too_early.status_code == 400


def test_a_table_that_is_not_published_is_not_found(client, city):
    # Activities are not split by gender (they are not people): no such table.
    assert client.get("/api/v1/statistics/activities-by-gender/").status_code == 422


@pytest.mark.parametrize(
    ("start", "end", "says"),
    [("2000-01", "2000-12", "2024-01"), ("2027-01", "2027-02", "2026-12")],
)
def test_a_period_without_data_is_refused_not_counted(client, city, start, end, says):
    """Only months from the programme's first to this one are counted and cached: any other
    (key, start, end) is a clear 400, never a new query or a new cache entry."""
    for path in ("/api/v1/statistics/hours-by-gender/", "/open-data/hours-by-gender.csv"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, {"start": start, "end": end})
        assert response.status_code == 400, path
        assert says in response.content.decode()
        assert not [q for q in queries.captured_queries if "hoursentry" in q["sql"].lower()]
