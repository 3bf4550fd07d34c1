"""The annual impact report: a PDF for the council, with Turkish letters intact."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from esit.reports import annual, selectors

ANNUAL = reverse("reports:annual")


def pdf_text(pdf: bytes, tmp_path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/test-deps)")
    path = tmp_path / "rapor.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(  # noqa: S603 - a fixed local tool on our own file
        [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode()


def test_the_annual_report_is_a_pdf_in_turkish_with_the_years_figures(
    programme, administrator, tmp_path
):
    pdf = annual.render_annual_report_pdf(user=administrator, year=2026, language="tr")
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    assert "2026 etki raporu" in text
    assert "İzmir Büyükşehir Belediyesi" in text
    assert "Gönüllülerin devamı" in text
    assert "Kadına yönelik şiddetle mücadele" in text
    assert "Kadın Çalışmaları Şube Müdürlüğü" in text


def test_the_annual_report_in_english(programme, administrator, tmp_path):
    text = pdf_text(
        annual.render_annual_report_pdf(user=administrator, year=2026, language="en"), tmp_path
    )
    assert "2026 impact report" in text
    assert "Volunteer retention" in text


def test_highlights_are_the_years_completed_activities_by_people_taking_part(
    programme, administrator
):
    found = selectors.highlights(user=administrator, filters=selectors.year_filters(2026))
    # Only the Buca activity is completed: six volunteers' places and two participants.
    assert [(item.district, item.participants) for item in found] == [("Buca", 8)]
    assert "2.1 Şiddeti önleme ve farkındalık" in found[0].goals


def test_another_year_has_none_of_these_figures(programme, administrator):
    report = selectors.impact_report(user=administrator, filters=selectors.year_filters(2025))
    assert report.figure("activities-by-month").rows == ()
    assert selectors.highlights(user=administrator, filters=selectors.year_filters(2025)) == []


def test_a_volunteer_cannot_download_it(volunteer_client):
    assert volunteer_client.get(ANNUAL, {"year": 2026, "language": "tr"}).status_code == 403


def test_a_coordinator_downloads_it(coordinator_client):
    response = coordinator_client.get(ANNUAL, {"year": 2026, "language": "tr"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "etki-raporu-2026.pdf" in response["Content-Disposition"]


def test_a_year_outside_the_list_is_refused_next_to_its_field(coordinator_client):
    response = coordinator_client.get(ANNUAL, {"year": "1990", "language": "tr"})
    assert response.status_code == 400
    assert 'id="id_year_error"' in response.content.decode()


def test_the_annual_report_has_the_ideas_done_with_turkish_letters(ideas, administrator, tmp_path):
    text = pdf_text(
        annual.render_annual_report_pdf(user=administrator, year=2026, language="tr"), tmp_path
    )
    assert "Gerçekleşen fikirler" in text
    assert "Gündelik hayatta eşitlik söyleşisi" in text
    assert "Şiddeti önleme atölyesi" in text
    assert "5 Ekim 2026" in text
    assert "Fikirler, durumuna göre ve etkinliğe dönüşenler" in text
    # No idea of 2025 happened.
    empty = pdf_text(
        annual.render_annual_report_pdf(user=administrator, year=2025, language="tr"), tmp_path
    )
    assert "Bu yıl gerçekleşen fikir yok." in empty
