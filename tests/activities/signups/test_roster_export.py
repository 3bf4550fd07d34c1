"""A roster's XLSX and CSV through the shared export: audited on the activity with its size,
formula-safe in both formats, in a fixed number of queries (the rows: test_roster_pages.py)."""

import pytest

from esit.audit.models import AuditEvent
from tests import factories
from tests.spreadsheets import csv_rows, queries_of, xlsx_rows

from .conftest import fill, make_shift

pytestmark = pytest.mark.django_db


def export_url(activity, file_format: str) -> str:
    return f"/staff/activities/{activity.pk}/roster.{file_format}"


def named(full_name: str):
    first, last = full_name.split(" ", 1)
    return factories.VolunteerFactory(user=factories.UserFactory(first_name=first, last_name=last))


def test_the_xlsx_keeps_turkish_letters_and_formulas_as_text(coordinator_client):
    shift = make_shift()
    factories.SignUpFactory(shift=shift, volunteer=named("=Şule Çağlayan"))
    factories.SignUpFactory(shift=shift, volunteer=named("İlkay Işın"))
    _header, *rows = xlsx_rows(coordinator_client.get(export_url(shift.activity, "xlsx")))
    # A string cell (never a formula), shown as typed (esit/core/spreadsheets.py).
    assert sorted(row[2] for row in rows) == ["=Şule Çağlayan", "İlkay Işın"]


def test_the_export_is_audited_on_the_activity_with_its_size(coordinator_client, coordinator):
    shift = make_shift()
    fill(shift, 3)
    csv_rows(coordinator_client.get(export_url(shift.activity, "csv")))
    event = AuditEvent.objects.get(action="activities.roster_exported")
    assert (event.actor, event.object_id) == (coordinator, str(shift.activity_id))
    assert event.summary == "3 satır dışa aktarıldı (CSV)"


def test_the_query_count_does_not_grow_with_the_sign_ups(
    coordinator_client, django_assert_max_num_queries, settings
):
    settings.EXPORT_CHUNK_SIZE = 10
    shift = make_shift(capacity=100)
    fill(shift, 5)
    few = queries_of(coordinator_client, export_url(shift.activity, "xlsx"))
    fill(shift, 45, status="waitlisted")
    with django_assert_max_num_queries(few):
        _header, *rows = xlsx_rows(coordinator_client.get(export_url(shift.activity, "xlsx")))
    assert len(rows) == 50
