"""The library takes PDF, DOCX, XLSX, PNG and JPEG, recognised by their content."""

import pytest

from esit.core.errors import RuleError
from esit.resources import files
from tests.resources import files as samples


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("rehber.pdf", samples.pdf(), files.PDF),
        ("afiş.png", samples.png(), files.PNG),
        ("fotoğraf.jpeg", samples.jpeg(), files.JPEG),
        ("katılım.xlsx", samples.xlsx(), files.XLSX),
        ("çağrı.docx", samples.docx(), files.DOCX),
    ],
)
def test_real_files_of_each_allowed_type_are_recognised(settings, name, content, expected):
    assert files.detect(samples.upload(name, content)) == expected


def test_the_type_comes_from_the_content_not_the_name(settings):
    assert files.detect(samples.upload("tablo.pdf", samples.png())) == files.PNG


@pytest.mark.parametrize("content", [samples.ELF, samples.MZ], ids=["elf", "mz"])
def test_a_renamed_executable_is_refused(settings, content):
    with pytest.raises(RuleError) as refusal:
        files.detect(samples.upload("rapor.pdf", content, "application/pdf"))
    assert refusal.value.field == "file"
    assert "PDF, DOCX, XLSX, PNG, JPEG" in str(refusal.value.message)


def test_a_zip_that_is_no_office_document_is_refused(settings):
    with pytest.raises(RuleError):
        files.detect(samples.upload("belge.docx", samples.plain_zip()))


def test_a_broken_zip_is_refused(settings):
    with pytest.raises(RuleError):
        files.detect(samples.upload("belge.xlsx", b"PK\x03\x04" + b"\x00" * 100))


def test_a_file_over_the_limit_is_refused(settings):
    settings.RESOURCES_MAX_UPLOAD_MB = 1
    big = samples.pdf() + b"0" * (1024 * 1024)
    with pytest.raises(RuleError) as refusal:
        files.detect(samples.upload("büyük.pdf", big))
    assert "1 MB" in str(refusal.value.message)


def test_an_empty_file_is_refused(settings):
    with pytest.raises(RuleError):
        files.detect(samples.upload("boş.pdf", b""))
