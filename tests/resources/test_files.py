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


def _crafted(content_types: str, *members: str) -> bytes:
    """A zip with the given [Content_Types].xml and a Word body, plus `members`."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("word/document.xml", "<w:document/>")
        for member in members:
            archive.writestr(member, b"\x00" * 10)
    return buffer.getvalue()


NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"'
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.mark.parametrize(
    "content_types",
    [
        # The main type only in a comment or another attribute: a substring, not a declaration.
        f'<Types {NS}><!-- {MAIN} --><Override PartName="/word/document.xml" '
        'ContentType="text/html"/></Types>',
        f'<Types {NS}><Override PartName="/word/other.xml" ContentType="{MAIN}"/></Types>',
        # Macro-enabled Word, with the main part's type spelled out beside it.
        f'<Types {NS}><Override PartName="/word/document.xml" ContentType="application/'
        'vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        # Not XML at all, or XML with entities.
        f"{MAIN} not xml",
        f'<!DOCTYPE Types [<!ENTITY a "{MAIN}">]><Types {NS}><Override '
        'PartName="/word/document.xml" ContentType="&a;"/></Types>',
    ],
    ids=["comment", "other-part", "macro-type", "not-xml", "entity"],
)
def test_an_office_file_must_declare_its_main_part_exactly(settings, content_types):
    with pytest.raises(RuleError):
        files.detect(samples.upload("belge.docx", _crafted(content_types)))


def test_a_document_carrying_macros_is_refused(settings):
    declared = f'<Types {NS}><Override PartName="/word/document.xml" ContentType="{MAIN}"/></Types>'
    assert files.detect(samples.upload("belge.docx", _crafted(declared))) == files.DOCX
    with pytest.raises(RuleError):
        files.detect(samples.upload("belge.docx", _crafted(declared, "word/vbaProject.bin")))
