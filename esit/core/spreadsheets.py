"""Streamed spreadsheet downloads for staff exports: CSV and XLSX, formula-safe.

A cell that starts with = + - @, a tab or a carriage return is run as a formula by
spreadsheet programs. In the CSV such a text is written with a leading apostrophe: shown
as text, never run; the CSV is otherwise faithful (control characters are legal in CSV
and stay). In the XLSX every text is written as an explicit string cell (type "s"; openpyxl
would otherwise write a text starting with "=" as a formula), so it shows exactly as typed
and never runs, without an apostrophe; and the control characters XML cannot hold
(openpyxl's ILLEGAL_CHARACTERS_RE: "\x1b", "\x0b"…) are removed, because one of them
would raise in the middle of the download and cut the file for every reader. Rows come from an
iterator and leave in chunks: the CSV row by row, the XLSX through openpyxl's write-only
workbook (rows go to a temporary file as they come, never all in memory) and then the
file in chunks, so an export of the whole programme keeps the memory of a few rows.
"""

import csv
import datetime
import decimal
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db.models import (
    CharField,
    Expression,
    OuterRef,
    QuerySet,
    StringAgg,
    Subquery,
    Value,
)
from django.db.models.functions import Cast
from django.http import StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 64 * 1024

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """A CSV cell: text that can never run as a formula; numbers and dates stay what they
    are."""
    if value is None:
        return ""
    if isinstance(value, int | float | decimal.Decimal | datetime.date):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def xlsx_cell(sheet: WriteOnlyWorksheet, value: object) -> Cell:
    """An XLSX cell: numbers and dates as they are; any text as a string cell (never a
    formula, shown as typed) without the characters an XLSX file cannot hold."""
    if value is None:
        return WriteOnlyCell(sheet, value="")
    if isinstance(value, int | float | decimal.Decimal | datetime.date):
        return WriteOnlyCell(sheet, value=value)
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    cell.data_type = "s"
    return cell


class _Line:
    """A file-like object whose write() hands back the line csv.writer wrote."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: list, rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff"  # the BOM makes Excel read UTF-8, so Turkish letters survive
    yield writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def _xlsx_chunks(header: list, rows: Iterable[Sequence[Any]], *, title: str) -> Iterator[bytes]:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([xlsx_cell(sheet, cell) for cell in header])
    for row in rows:
        sheet.append([xlsx_cell(sheet, cell) for cell in row])
    with tempfile.TemporaryFile() as file:
        workbook.save(file)
        file.seek(0)
        while chunk := file.read(CHUNK):
            yield chunk


def _attachment(content, *, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"  # personal data: never kept by a cache
    return response


def csv_download(
    filename: str, header: list, rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    return _attachment(_csv_lines(header, rows), content_type=CSV_TYPE, filename=filename)


def xlsx_download(
    filename: str, header: list, rows: Iterable[Sequence[Any]], *, title: str
) -> StreamingHttpResponse:
    return _attachment(
        _xlsx_chunks(header, rows, title=title), content_type=XLSX_TYPE, filename=filename
    )


def joined(related: QuerySet, *, outer: str, value: str | Expression) -> Subquery:
    """A column of the outer row: `value` of each `related` row whose `outer` field is that
    row, joined with "," by the database (STRING_AGG on PostgreSQL, string_agg on SQLite).
    An export reads a volunteer's areas in the same query as the volunteer, instead of a
    query per row or per chunk; None when there are none."""
    return Subquery(
        related.filter(**{outer: OuterRef("pk")})
        .order_by()
        .values(outer)
        .annotate(joined=StringAgg(Cast(value, CharField()), delimiter=Value(",")))
        .values("joined"),
        output_field=CharField(),
    )


def split_joined(text: str | None) -> list[str]:
    """The values `joined` put together, in no particular order."""
    return text.split(",") if text else []


def local_time(moment: datetime.datetime | None) -> str:
    """A moment on İzmir's clock, as a spreadsheet sorts it; "" for none."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""
