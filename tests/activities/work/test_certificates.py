"""Service certificates: frozen approved hours, a PDF with Turkish letters intact, and a public
verification page (docs/activities.md)."""

import datetime
import decimal
import shutil
import subprocess

import pytest
from django.utils import timezone

from esit.activities.models import Certificate
from esit.activities.selectors.work import qr_svg
from esit.activities.services.certificates import (
    certificate_for_download,
    issue_certificate,
    render_certificate_pdf,
)
from esit.activities.services.errors import ActivityError
from tests import factories
from tests.activities.work.conftest import approved


@pytest.fixture
def sebnem(db):
    user = factories.UserFactory(first_name="Şebnem", last_name="Ilıcak")
    return factories.VolunteerFactory(user=user)


@pytest.fixture
def sebnem_client(client, sebnem):
    client.force_login(sebnem.user)
    return client


@pytest.fixture
def with_hours(sebnem):
    approved(sebnem, "5", area="translation", date=datetime.date(2026, 2, 3))
    approved(sebnem, "2.5", area="workshops", date=datetime.date(2026, 4, 18))
    factories.HoursEntryFactory(volunteer=sebnem, hours=9, status="pending")
    return sebnem


def pdf_text(pdf: bytes, tmp_path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/test-deps)")
    path = tmp_path / "belge.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(  # noqa: S603 - a fixed local tool on our own file
        [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode()


def test_certificate_freezes_approved_hours_only(with_hours):
    certificate = issue_certificate(volunteer=with_hours)

    assert certificate.holder_name == "Şebnem Ilıcak"
    assert certificate.total_hours == decimal.Decimal("7.50")
    assert certificate.first_date == datetime.date(2026, 2, 3)
    assert certificate.last_date == datetime.date(2026, 4, 18)
    assert certificate.areas == [
        {"area_tr": "Tercüme", "area_en": "Translation", "hours": "5.00"},
        {"area_tr": "Atölye çalışmaları", "area_en": "Workshops", "hours": "2.50"},
    ]


def test_no_certificate_without_approved_hours(sebnem):
    factories.HoursEntryFactory(volunteer=sebnem, status="pending")

    with pytest.raises(ActivityError, match="onaylanmış gönüllülük saatiniz yok"):
        issue_certificate(volunteer=sebnem)

    assert not Certificate.objects.exists()


def test_certificate_keeps_what_was_true_when_issued(with_hours):
    certificate = issue_certificate(volunteer=with_hours)
    approved(with_hours, "10")

    certificate.refresh_from_db()
    assert certificate.total_hours == decimal.Decimal("7.50")


def test_downloading_again_today_reuses_the_unchanged_certificate(with_hours):
    first = certificate_for_download(volunteer=with_hours)
    again = certificate_for_download(volunteer=with_hours)

    assert again == first
    assert Certificate.objects.count() == 1


def test_newly_approved_hours_give_a_new_certificate(with_hours):
    first = certificate_for_download(volunteer=with_hours)
    approved(with_hours, "1")

    second = certificate_for_download(volunteer=with_hours)

    assert second != first
    assert second.total_hours == decimal.Decimal("8.50")


def test_yesterdays_certificate_is_not_reused(with_hours):
    first = issue_certificate(volunteer=with_hours)
    first.issued_at = timezone.now() - datetime.timedelta(days=1)
    first.save(update_fields=["issued_at"])

    assert certificate_for_download(volunteer=with_hours) != first


# The PDF ------------------------------------------------------------------------------------


def test_pdf_is_a_pdf_with_turkish_letters_intact(with_hours, tmp_path):
    certificate = issue_certificate(volunteer=with_hours)

    pdf = render_certificate_pdf(certificate=certificate, language="tr")

    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    assert "Şebnem Ilıcak" in text
    assert "İzmir" in text
    assert "Atölye çalışmaları" in text
    assert "Onaylanmış toplam gönüllülük: 7 saat 30 dakika" in text
    assert f"http://testserver/certificates/{certificate.code}/" in text


def test_pdf_carries_a_qr_code_of_its_verification_address(with_hours, settings, monkeypatch):
    import weasyprint

    settings.SITE_URL = "https://esit.example.org"
    certificate = issue_certificate(volunteer=with_hours)
    given_to_weasyprint = []
    real_html = weasyprint.HTML

    def recording_html(*args, **kwargs):
        given_to_weasyprint.append(kwargs["string"])
        return real_html(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", recording_html)

    render_certificate_pdf(certificate=certificate, language="tr")

    (html,) = given_to_weasyprint
    expected = qr_svg(f"https://esit.example.org/certificates/{certificate.code}/")
    assert "<svg" in expected
    assert expected in html


def test_pdf_in_english_names_areas_in_english(with_hours, tmp_path):
    certificate = issue_certificate(volunteer=with_hours)

    text = pdf_text(render_certificate_pdf(certificate=certificate, language="en"), tmp_path)

    assert "Translation" in text
    assert "Şebnem Ilıcak" in text


def test_certificate_pdf_download(sebnem_client, with_hours):
    response = sebnem_client.get("/me/certificate.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF")
    assert Certificate.objects.filter(volunteer=with_hours).count() == 1


def test_certificate_pdf_without_approved_hours_explains(sebnem_client, sebnem):
    response = sebnem_client.get("/me/certificate.pdf", follow=True)

    assert response.redirect_chain == [("/me/certificate/", 302)]
    assert "onaylanmış gönüllülük saatiniz yok" in response.content.decode()
    assert not Certificate.objects.exists()


def test_certificate_page_offers_the_download(sebnem_client, with_hours):
    page = sebnem_client.get("/me/certificate/").content.decode()

    assert 'action="/me/certificate.pdf"' in page
    assert "Tercüme" in page


def test_certificate_pages_need_sign_in(client, db):
    assert client.get("/me/certificate.pdf")["Location"].startswith("/accounts/login/")


# Verification -------------------------------------------------------------------------------


def test_verification_page_confirms_the_certificate(client, with_hours):
    certificate = issue_certificate(volunteer=with_hours)

    response = client.get(f"/certificates/{certificate.code}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Geçerli belge" in page
    assert "Şebnem Ilıcak" in page
    assert "7 saat 30 dakika" in page
    assert "Tercüme" in page


def test_verification_page_shows_nothing_more_personal(client, with_hours):
    certificate = issue_certificate(volunteer=with_hours)

    page = client.get(f"/certificates/{certificate.code}/").content.decode()

    assert with_hours.user.email not in page
    assert with_hours.phone_national not in page
    assert with_hours.checkin_code not in page


def test_verification_accepts_a_code_typed_in_lower_case(client, with_hours):
    certificate = issue_certificate(volunteer=with_hours)

    assert client.get(f"/certificates/{certificate.code.lower()}/").status_code == 200


def test_unknown_code_is_a_clear_404(client, db):
    response = client.get("/certificates/DEADBEEF00000000/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Belge bulunamadı" in page
    assert "DEADBEEF00000000" in page


def test_unknown_code_page_escapes_the_code(client, db):
    response = client.get("/certificates/%3Cb%3Ex%3C%2Fb%3E/")

    assert response.status_code == 404
    assert "<b>x</b>" not in response.content.decode()


# Days and durations as people say them (docs/activities.md) ---------------------------------


@pytest.fixture
def one_afternoon(sebnem):
    """Twenty minutes of work on a single day."""
    approved(sebnem, "0.33", area="workshops", date=datetime.date(2026, 12, 1))
    return sebnem


def test_pdf_of_a_single_day_names_that_day_once(one_afternoon, tmp_path):
    certificate = issue_certificate(volunteer=one_afternoon)

    text = " ".join(
        pdf_text(render_certificate_pdf(certificate=certificate, language="tr"), tmp_path).split()
    )

    assert "1 Aralık 2026 tarihinde Eşit İzmir" in text
    assert "arasında" not in text


def test_pdf_of_a_single_day_in_english_names_that_day_once(one_afternoon, tmp_path):
    certificate = issue_certificate(volunteer=one_afternoon)

    text = " ".join(
        pdf_text(render_certificate_pdf(certificate=certificate, language="en"), tmp_path).split()
    )

    assert "on 1 December 2026" in text
    assert "between" not in text


def test_pdf_shows_twenty_minutes_not_a_fraction_of_an_hour(one_afternoon, tmp_path):
    certificate = issue_certificate(volunteer=one_afternoon)

    text = pdf_text(render_certificate_pdf(certificate=certificate, language="tr"), tmp_path)

    assert "Onaylanmış toplam gönüllülük: 20 dakika" in text
    assert "0,33" not in text
    assert "0.33" not in text


def test_pdf_in_english_shows_minutes_in_english(one_afternoon, tmp_path):
    certificate = issue_certificate(volunteer=one_afternoon)

    text = pdf_text(render_certificate_pdf(certificate=certificate, language="en"), tmp_path)

    assert "20 minutes" in text
    assert "0.33" not in text


def test_pdf_shows_each_areas_hours_and_minutes(with_hours, tmp_path):
    certificate = issue_certificate(volunteer=with_hours)

    text = pdf_text(render_certificate_pdf(certificate=certificate, language="en"), tmp_path)

    assert "5 hours" in text
    assert "2 hours 30 minutes" in text


def test_verification_page_of_a_single_day_shows_that_day_and_minutes(client, one_afternoon):
    certificate = issue_certificate(volunteer=one_afternoon)

    page = client.get(f"/certificates/{certificate.code}/").content.decode()

    assert "20 dakika" in page
    assert "0,33" not in page
    assert "1 Aralık 2026 – 1 Aralık 2026" not in page
    assert '<time datetime="2026-12-01">1 Aralık 2026</time>' in page


def test_verification_page_in_english_shows_hours_and_minutes(client, with_hours):
    certificate = issue_certificate(volunteer=with_hours)
    client.cookies["esit_language"] = "en"

    page = client.get(f"/certificates/{certificate.code}/").content.decode()

    assert "7 hours 30 minutes" in page
    assert "2 hours 30 minutes" in page
