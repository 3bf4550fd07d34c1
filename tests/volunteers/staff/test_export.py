"""The directory's export: the filtered list as CSV and XLSX, streamed, formula-safe,
scope-filtered and audited."""

import pytest
from django.http import StreamingHttpResponse

from esit.audit.models import AuditEvent
from esit.core.spreadsheets import safe_cell
from esit.reference.models import LanguageLevel
from tests import factories
from tests.spreadsheets import csv_rows, queries_of, xlsx_rows

from .conftest import make_volunteer

pytestmark = pytest.mark.django_db

CSV, XLSX = "/staff/volunteers/export.csv", "/staff/volunteers/export.xlsx"


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
    assert rows[0][:2] == ["=1+1", "@Acar"]  # string cells, shown as typed, never run
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


def test_areas_and_languages_are_named_in_the_list_s_order(coordinator_client):
    volunteer = make_volunteer(
        "Şükriye", "Öztürk", areas=[factories.area("workshops"), factories.area("translation")]
    )
    volunteer.languages.create(language=factories.language("ar"), level="intermediate")
    volunteer.languages.create(language=factories.language("en"), level="fluent")
    [_header, row] = csv_rows(coordinator_client.get(CSV))
    areas = sorted(
        [factories.area("workshops"), factories.area("translation")],
        key=lambda area: (area.position, area.name_tr),
    )
    languages = sorted(
        [factories.language("ar"), factories.language("en")],
        key=lambda language: (language.position, language.name_tr),
    )
    assert row[:2] == ["Şükriye", "Öztürk"]
    assert row[5] == ", ".join(area.name_tr for area in areas)
    levels = {"ar": LanguageLevel.INTERMEDIATE.label, "en": LanguageLevel.FLUENT.label}
    assert row[6] == ", ".join(
        f"{language.name_tr} ({levels[language.code]})" for language in languages
    )


def test_the_query_count_does_not_grow_with_the_volunteers(
    coordinator_client, django_assert_max_num_queries, settings
):
    settings.EXPORT_CHUNK_SIZE = 10  # 50 volunteers are five chunks: nothing may run per chunk
    for number in range(5):
        make_volunteer(f"Ayşe{number}", "Yılmaz", areas=[factories.area("translation")])
    few = queries_of(coordinator_client, XLSX)
    for number in range(45):
        volunteer = make_volunteer(f"Zehra{number}", "Acar")
        volunteer.languages.create(language=factories.language("en"), level="fluent")
    with django_assert_max_num_queries(few):
        _header, *rows = xlsx_rows(coordinator_client.get(XLSX))
    assert len(rows) == 50


def test_the_audit_records_the_filters_and_only_that_a_search_was_used(
    coordinator_client, coordinator
):
    make_volunteer("Ayşe", "Yılmaz", areas=[factories.area("translation")])
    make_volunteer("Ayşe", "Kaya", areas=[factories.area("workshops")])
    translation = factories.area("translation")
    csv_rows(coordinator_client.get(CSV, {"area": translation.pk, "q": "Ayşe Yılmaz"}))
    event = AuditEvent.objects.get(action="volunteers.exported")
    assert event.actor == coordinator
    assert event.summary.startswith("1 satır")
    assert f"area={translation.pk}" in event.summary
    assert "arama kullanıldı" in event.summary
    assert "Yılmaz" not in event.summary
