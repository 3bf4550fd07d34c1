"""Which files the library takes, decided by what the bytes are, never by the name or the
browser's content type: a renamed executable ("report.pdf" starting with an ELF or MZ header)
is refused.

- PDF, PNG and JPEG by their signatures (the first bytes).
- DOCX and XLSX are ZIP archives (Office Open XML): the archive must open, hold
  `[Content_Types].xml` declaring the main part's type, and that part itself
  (`word/document.xml`, `xl/workbook.xml`). A ZIP of anything else is refused, and so is one
  whose members would unpack to more than `MAX_UNPACKED_RATIO` times its size (a zip bomb
  would not harm us, we never unpack, but a reader's program might).
"""

import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from esit.core.errors import RuleError

MAX_UNPACKED_RATIO = 200
ALLOWED_NAMES = "PDF, DOCX, XLSX, PNG, JPEG"


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    label: str


PDF = FileType(".pdf", "application/pdf", "PDF")
PNG = FileType(".png", "image/png", "PNG")
JPEG = FileType(".jpg", "image/jpeg", "JPEG")
DOCX = FileType(
    ".docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "DOCX",
)
XLSX = FileType(
    ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"
)
BY_CONTENT_TYPE = {kind.content_type: kind for kind in (PDF, PNG, JPEG, DOCX, XLSX)}

# What each Office document's [Content_Types].xml declares for its main part, and the part.
_OFFICE = [
    (
        DOCX,
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    (
        XLSX,
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
]
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
MAX_CONTENT_TYPES_BYTES = 200_000


def _declared_types(data: bytes) -> dict[str, str]:
    """[Content_Types].xml parsed as XML: part name → content type (Override) and
    ".extension" → content type (Default). No defusedxml in the project, so xml.etree with a
    size bound and no DOCTYPE (no entities, no expansion); unreadable XML refuses the file."""
    if len(data) > MAX_CONTENT_TYPES_BYTES or b"<!DOCTYPE" in data.upper():
        raise _wrong_type()
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 - bounded, no DOCTYPE (docstring)
    except ElementTree.ParseError:
        raise _wrong_type() from None
    declared: dict[str, str] = {}
    for element in root:
        content_type = element.get("ContentType", "")
        if element.tag == f"{_TYPES_NS}Override":
            declared[element.get("PartName", "").lstrip("/")] = content_type
        elif element.tag == f"{_TYPES_NS}Default":
            declared["." + element.get("Extension", "").lower()] = content_type
    return declared


def max_bytes() -> int:
    return int(settings.RESOURCES_MAX_UPLOAD_MB) * 1024 * 1024


def _wrong_type() -> RuleError:
    return RuleError(
        _("Bu dosya türü kabul edilmiyor. %(types)s dosyası yükleyin.") % {"types": ALLOWED_NAMES},
        field="file",
    )


def _office_type(file: UploadedFile[bytes]) -> FileType:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            members = {info.filename: info for info in archive.infolist()}
            unpacked = sum(info.file_size for info in members.values())
            if unpacked > MAX_UNPACKED_RATIO * max(file.size or 1, 1):
                raise _wrong_type()
            if "[Content_Types].xml" not in members:
                raise _wrong_type()
            if members["[Content_Types].xml"].file_size > MAX_CONTENT_TYPES_BYTES:
                raise _wrong_type()
            declared = _declared_types(archive.read("[Content_Types].xml"))
            # Macro-enabled documents (.docm, .xlsm renamed) carry code: never accepted.
            if any(name.lower().endswith("vbaproject.bin") for name in members) or any(
                "macroenabled" in value.lower() or "vbaproject" in value.lower()
                for value in declared.values()
            ):
                raise _wrong_type()
            for kind, part, content_type in _OFFICE:
                if part in members and declared.get(part) == content_type:
                    return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError):
        raise _wrong_type() from None
    finally:
        file.seek(0)
    raise _wrong_type()


def detect(file: UploadedFile[bytes]) -> FileType:
    """The type of an uploaded file, from its content; RuleError (on the `file` field) for a
    file too large, empty or of any other type."""
    size = file.size or 0
    if size > max_bytes():
        raise RuleError(
            _("Dosya en fazla %(mb)s MB olabilir.") % {"mb": settings.RESOURCES_MAX_UPLOAD_MB},
            field="file",
        )
    if size == 0:
        raise RuleError(_("Dosya boş görünüyor; lütfen yeniden seçin."), field="file")
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _office_type(file)
    raise _wrong_type()
