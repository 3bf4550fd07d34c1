"""Streamed spreadsheet downloads for staff exports: CSV and XLSX, formula-safe.

A cell that starts with = + - @, a tab or a carriage return is run as a formula by
spreadsheet programs (and openpyxl writes a string starting with "=" as one), so such a
text is written with a leading apostrophe: shown as text, never run. Rows come from an
iterator and leave in chunks: the CSV row by row, the XLSX through openpyxl's write-only
workbook (rows go to a temporary file as they come, never all in memory) and then the
file in chunks, so an export of the whole programme keeps the memory of a few rows.
"""

import csv
import datetime
import decimal
import tempfile
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 64 * 1024

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """Text that can never run as a formula; numbers and dates stay what they are."""
    if value is None:
        return ""
    if isinstance(value, int | float | decimal.Decimal | datetime.date):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like object whose write() hands back the line csv.writer wrote."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: list, rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff"  # the BOM makes Excel read UTF-8, so Turkish letters survive
    yield writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def _xlsx_chunks(header: list, rows: Iterable[list], *, title: str) -> Iterator[bytes]:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([safe_cell(cell) for cell in header])
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
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


def csv_download(filename: str, header: list, rows: Iterable[list]) -> StreamingHttpResponse:
    return _attachment(_csv_lines(header, rows), content_type=CSV_TYPE, filename=filename)


def xlsx_download(
    filename: str, header: list, rows: Iterable[list], *, title: str
) -> StreamingHttpResponse:
    return _attachment(
        _xlsx_chunks(header, rows, title=title), content_type=XLSX_TYPE, filename=filename
    )
