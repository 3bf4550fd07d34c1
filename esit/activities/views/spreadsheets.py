"""CSV downloads for staff: UTF-8 with a BOM (Excel reads Turkish letters right) and cells that
a spreadsheet shows as text, never runs as a formula."""

import csv

from django.http import HttpResponse
from django.utils import timezone

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def local_time(moment) -> str:
    """A moment on İzmir's clock, as a spreadsheet sorts it; "" for none."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def csv_download(filename: str, header, rows) -> HttpResponse:
    """A CSV attachment: the BOM, the header, then every row made safe cell by cell."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the BOM makes Excel read UTF-8, so Turkish letters survive
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow(safe_cell(cell) for cell in row)
    return response
