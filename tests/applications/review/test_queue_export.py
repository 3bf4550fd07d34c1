"""The review queue's export: the queue as its filters and the reader's scope narrow it, as
CSV and XLSX, streamed, formula-safe, in a fixed number of queries, and audited."""

import pytest

from esit.audit.models import AuditEvent
from tests import factories
from tests.accounts.test_scope import scoped
from tests.spreadsheets import csv_rows, queries_of, xlsx_rows

pytestmark = pytest.mark.django_db

CSV, XLSX = "/staff/applications/export.csv", "/staff/applications/export.xlsx"


def names(rows) -> list[str]:
    return [f"{row[0]} {row[1]}" for row in rows]


def test_the_filters_narrow_the_export_exactly_like_the_queue(coordinator_client):
    factories.ApplicationFactory(first_name="Çiğdem", last_name="Şahin", status="submitted")
    factories.ApplicationFactory(first_name="Gül", last_name="Öz", status="approved")
    factories.ApplicationFactory(
        first_name="İpek", last_name="Ünal", district=factories.district("bornova")
    )
    for query in ({"status": "submitted"}, {"district": factories.district("bornova").pk}, {}):
        page = coordinator_client.get("/staff/applications/", query)
        shown = [application.full_name for application in page.context["page_obj"]]
        _header, *rows = csv_rows(coordinator_client.get(CSV, query))
        assert names(rows) == shown
    _header, *rows = csv_rows(coordinator_client.get(CSV, {"status": "approved"}))
    assert names(rows) == ["Gül Öz"]


def test_a_scoped_coordinator_exports_only_her_applications(client):
    client.force_login(scoped(factories.StaffFactory(), areas=["translation"]))
    factories.ApplicationFactory(first_name="Çevirmen", areas=[factories.area("translation")])
    factories.ApplicationFactory(first_name="Sahacı", areas=[factories.area("field-research")])
    _header, *rows = xlsx_rows(client.get(XLSX))
    assert [row[0] for row in rows] == ["Çevirmen"]


def test_turkish_letters_areas_and_languages_survive_csv_and_xlsx(coordinator_client):
    factories.ApplicationFactory(
        first_name="Şükran",
        last_name="Ağaoğlu",
        areas=[factories.area("translation")],
        languages=[(factories.language("en"), "fluent")],
    )
    [csv_header, csv_row] = csv_rows(coordinator_client.get(CSV))
    [xlsx_header, xlsx_row] = xlsx_rows(coordinator_client.get(XLSX))
    assert csv_header == xlsx_header
    assert csv_header[:2] == ["Ad", "Soyad"]
    assert csv_row[:2] == xlsx_row[:2] == ["Şükran", "Ağaoğlu"]
    assert csv_row[5] == xlsx_row[5] == factories.area("translation").name_tr
    assert csv_row[6] == xlsx_row[6] == f"{factories.language('en').name_tr} (İleri)"
    assert csv_row[7] == "İnceleniyor"


def test_a_name_that_would_run_as_a_formula_is_text_in_csv_and_xlsx(coordinator_client):
    factories.ApplicationFactory(first_name="=HYPERLINK(1)", last_name="@SUM(A1)")
    [_header, csv_row] = csv_rows(coordinator_client.get(CSV))
    [_header, xlsx_row] = xlsx_rows(coordinator_client.get(XLSX))
    assert csv_row[:2] == ["'=HYPERLINK(1)", "'@SUM(A1)"]
    assert xlsx_row[:2] == ["=HYPERLINK(1)", "@SUM(A1)"]  # string cells, never formulas


def test_the_export_is_audited_with_its_filters_and_size(coordinator_client, coordinator):
    factories.ApplicationFactory(status="submitted", first_name="Ayşe")
    factories.ApplicationFactory(status="submitted", first_name="Ayşe")
    factories.ApplicationFactory(status="approved")
    csv_rows(coordinator_client.get(CSV, {"status": "submitted", "q": "Ayşe"}))
    event = AuditEvent.objects.get(action="applications.exported")
    assert event.actor == coordinator
    assert event.summary == (
        "2 satır dışa aktarıldı (CSV); süzgeçler: status=submitted; arama kullanıldı"
    )


def test_an_invalid_filter_is_left_out_of_the_export_and_its_record(coordinator_client):
    factories.ApplicationFactory()
    _header, *rows = csv_rows(coordinator_client.get(CSV, {"status": "nonsense"}))
    assert len(rows) == 1
    event = AuditEvent.objects.get(action="applications.exported")
    assert event.summary == "1 satır dışa aktarıldı (CSV); süzgeç yok"


def test_the_query_count_does_not_grow_with_the_applications(
    coordinator_client, django_assert_max_num_queries, settings
):
    settings.EXPORT_CHUNK_SIZE = 10
    for _ in range(5):
        factories.ApplicationFactory()
    few = queries_of(coordinator_client, CSV)
    for _ in range(45):
        factories.ApplicationFactory(languages=[(factories.language("ar"), "basic")])
    with django_assert_max_num_queries(few):
        _header, *rows = csv_rows(coordinator_client.get(CSV))
    assert len(rows) == 50


def test_the_queue_links_its_downloads_with_its_filters(coordinator_client):
    factories.ApplicationFactory()
    page = coordinator_client.get("/staff/applications/", {"status": "submitted"})
    assert f'href="{CSV}?status=submitted"' in page.content.decode()
    assert f'href="{XLSX}?status=submitted"' in page.content.decode()


def test_a_volunteer_cannot_export_the_queue(volunteer_client):
    assert volunteer_client.get(CSV).status_code == 403
