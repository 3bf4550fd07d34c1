"""Reading the staff exports back as a spreadsheet program would (esit/audit/exports.py)."""

import csv
import io

from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook


def content(response) -> bytes:
    assert response.status_code == 200, response.status_code
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


def csv_rows(response) -> list[list[str]]:
    """The rows of a CSV export, header first; it starts with the BOM Excel needs."""
    text = content(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_rows(response) -> list[list]:
    """The rows of an XLSX export's sheet, header first, read back with openpyxl."""
    workbook = load_workbook(io.BytesIO(content(response)), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def queries_of(client, url: str, params: dict | None = None) -> int:
    """How many queries one whole download takes, streamed to its last byte."""
    with CaptureQueriesContext(connection) as captured:
        content(client.get(url, params or {}))
    return len(captured)
