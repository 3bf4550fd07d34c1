"""The directory's export: the filtered list as CSV and XLSX, streamed, formula-safe,
scope-filtered and audited."""

import csv
import io

import pytest
from django.http import StreamingHttpResponse
from openpyxl import load_workbook

from esit.audit.models import AuditEvent
from esit.core.spreadsheets import safe_cell
from tests import factories

from .conftest import make_volunteer

pytestmark = pytest.mark.django_db

CSV, XLSX = "/staff/volunteers/export.csv", "/staff/volunteers/export.xlsx"


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_rows(response) -> list[list]:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


@pytest.mark.parametrize("text", ["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_would_run_as_a_formula_is_kept_as_text(text):
    assert safe_cell(text) == "'" + text


def test_numbers_dates_and_plain_text_are_left_alone():
    assert safe_cell(3) == 3
    assert safe_cell("Ayşe") == "Ayşe"
    assert safe_cell(None) == ""


def test_the_csv_is_streamed_with_every_filtered_volunteer(coordinator_client):
    make_volunteer("Ayşe", "Yılmaz", areas=[factories.area("translation")])
    make_volunteer("Zehra", "Acar", areas=[factories.area("workshops")])
    response = coordinator_client.get(CSV, {"area": factories.area("translation").pk})
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header[:3] == ["Ad", "Soyad", "E-posta"]
    assert [row[:2] for row in rows] == [["Ayşe", "Yılmaz"]]


def test_the_csv_is_formula_safe(coordinator_client):
    make_volunteer("=cmd|' /C calc'!A0", "+Yılmaz")
    [_header, row] = csv_rows(coordinator_client.get(CSV))
    assert row[0] == "'=cmd|' /C calc'!A0"
    assert row[1] == "'+Yılmaz"


def test_the_xlsx_is_streamed_and_formula_safe(coordinator_client):
    make_volunteer("=1+1", "@Acar")
    factories.HoursEntryFactory(volunteer=make_volunteer("Ece", "Can"), hours=3, status="approved")
    response = coordinator_client.get(XLSX, {"sort": "name"})
    assert isinstance(response, StreamingHttpResponse)
    header, *rows = xlsx_rows(response)
    assert header[0] == "Ad"
    assert rows[0][:2] == ["'=1+1", "'@Acar"]
    assert rows[1][:2] == ["Ece", "Can"]
    assert rows[1][9] == 3


def test_the_export_speaks_the_reader_s_language(coordinator_client, settings):
    make_volunteer()
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    header, row = csv_rows(coordinator_client.get(CSV))
    assert header[:2] == ["First name", "Last name"]
    assert row[7] == "Active"


def test_the_export_never_reaches_outside_the_scope(scoped_client):
    make_volunteer("Çevirmen", "Aslı", areas=[factories.area("translation")])
    make_volunteer("Sahacı", "Işıl", areas=[factories.area("field-research")])
    _header, *rows = csv_rows(scoped_client.get(CSV))
    assert [row[0] for row in rows] == ["Çevirmen"]


def test_each_export_is_audited_with_its_size(coordinator_client, coordinator):
    make_volunteer()
    make_volunteer("Zehra", "Acar")
    b"".join(coordinator_client.get(XLSX).streaming_content)
    event = AuditEvent.objects.get(action="volunteers.exported")
    assert event.actor == coordinator
    assert "2" in event.summary
    assert "XLSX" in event.summary


def test_a_volunteer_cannot_export(volunteer_client):
    assert volunteer_client.get(CSV).status_code == 403
