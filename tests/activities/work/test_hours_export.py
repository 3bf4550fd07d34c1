"""The hours queue's export: waiting hours by default, approved (or any) hours when the
queue is filtered so, within the reader's scope, streamed, formula-safe and audited."""

import pytest

from esit.audit.models import AuditEvent
from tests import factories
from tests.accounts.test_scope import scoped
from tests.spreadsheets import csv_rows, queries_of, xlsx_rows

from .conftest import days_ago

pytestmark = pytest.mark.django_db

QUEUE = "/staff/hours/"
CSV, XLSX = "/staff/hours/export.csv", "/staff/hours/export.xlsx"


def entry(first_name: str, **fields):
    volunteer = factories.VolunteerFactory(user=factories.UserFactory(first_name=first_name))
    return factories.HoursEntryFactory(volunteer=volunteer, **fields)


def test_the_export_holds_the_queue_s_rows_waiting_by_default(coordinator_client):
    entry("Beklenen", status="pending", date=days_ago(5))
    entry("Onaylanan", status="approved", date=days_ago(4))
    for query in ({}, {"status": "approved"}, {"status": ""}):
        page = coordinator_client.get(QUEUE, query)
        shown = [item.volunteer.full_name for item in page.context["page_obj"]]
        _header, *rows = csv_rows(coordinator_client.get(CSV, query))
        assert [row[0] for row in rows] == shown
    _header, *rows = csv_rows(coordinator_client.get(CSV, {"status": "approved"}))
    assert [row[0] for row in rows] == ["Onaylanan Yılmaz"]
    assert rows[0][8] == "Onaylandı"


def test_the_dates_narrow_the_export(coordinator_client):
    entry("Eski", date=days_ago(30))
    entry("Yeni", date=days_ago(2))
    _header, *rows = csv_rows(coordinator_client.get(CSV, {"date_from": days_ago(10).isoformat()}))
    assert [row[0] for row in rows] == ["Yeni Yılmaz"]


def test_a_scoped_coordinator_exports_only_her_hours(client):
    client.force_login(scoped(factories.StaffFactory(), areas=["translation"]))
    entry("Çeviri", area=factories.area("translation"))
    entry("Saha", area=factories.area("field-research"))
    _header, *rows = xlsx_rows(client.get(XLSX))
    assert [row[0] for row in rows] == ["Çeviri Yılmaz"]


def test_a_description_that_would_run_as_a_formula_is_text(coordinator_client):
    entry("Şule", description="=1+1 çeviri", hours=2)
    [_header, csv_row] = csv_rows(coordinator_client.get(CSV))
    [_header, xlsx_row] = xlsx_rows(coordinator_client.get(XLSX))
    assert csv_row[7] == "'=1+1 çeviri"
    assert xlsx_row[7] == "=1+1 çeviri"  # a string cell, shown as typed
    assert csv_row[0] == xlsx_row[0] == "Şule Yılmaz"
    assert xlsx_row[3] == 2


def test_the_export_is_audited_with_its_filters_and_size(coordinator_client, coordinator):
    entry("Ayla", status="approved")
    entry("Ayla", status="pending")
    csv_rows(coordinator_client.get(CSV, {"status": "approved", "q": "Ayla"}))
    event = AuditEvent.objects.get(action="activities.hours_exported")
    assert event.actor == coordinator
    assert event.summary == (
        "1 satır dışa aktarıldı (CSV); süzgeçler: status=approved; arama kullanıldı"
    )


def test_the_query_count_does_not_grow_with_the_entries(
    coordinator_client, django_assert_max_num_queries, settings
):
    settings.EXPORT_CHUNK_SIZE = 10
    for number in range(5):
        entry(f"Kişi{number}")
    few = queries_of(coordinator_client, XLSX)
    for number in range(45):
        entry(f"Başka{number}", area=factories.area("workshops"))
    with django_assert_max_num_queries(few):
        _header, *rows = xlsx_rows(coordinator_client.get(XLSX))
    assert len(rows) == 50


def test_the_queue_links_its_downloads_with_its_filters(coordinator_client):
    entry("Ayla", status="approved")
    page = coordinator_client.get(QUEUE, {"status": "approved"}).content.decode()
    assert f'href="{CSV}?status=approved"' in page
    assert f'href="{XLSX}?status=approved"' in page
