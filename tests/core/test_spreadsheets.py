"""The spreadsheet downloads survive any text: a control character does not cut an XLSX
file, and a formula-like text shows as typed and never runs (esit/core/spreadsheets.py)."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from esit.core.spreadsheets import csv_download, xlsx_download

FORMULAS = ["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)"]


def _xlsx(header, rows):
    response = xlsx_download("x.xlsx", header, rows, title="Sayfa")
    data = b"".join(response.streaming_content)
    workbook = load_workbook(io.BytesIO(data))  # not read-only: formulas stay formulas
    return workbook.active


def _csv(header, rows):
    response = csv_download("x.csv", header, rows)
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize("text", ["Ayşe\x1bYılmaz", "Ayşe\x0bYılmaz", "\x00Ayşe\x08Yılmaz"])
def test_a_control_character_does_not_cut_the_xlsx(text):
    sheet = _xlsx(["Ad"], [[text], ["Zehra"]])
    assert [row[0].value for row in sheet.iter_rows()] == ["Ad", "AyşeYılmaz", "Zehra"]


def test_the_csv_keeps_a_control_character_as_it_was_typed():
    assert _csv(["Ad"], [["Ayşe\x1bYılmaz"]]) == [["Ad"], ["Ayşe\x1bYılmaz"]]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_formula_like_text_is_a_plain_string_cell_in_the_xlsx(text):
    sheet = _xlsx(["Not"], [[text]])
    cell = sheet.cell(row=2, column=1)
    assert cell.value == text  # as typed, no apostrophe shown
    assert cell.data_type == "s"  # a string, never a formula


@pytest.mark.parametrize("text", [*FORMULAS, "\tx", "\rx"])
def test_a_formula_like_text_gets_an_apostrophe_in_the_csv(text):
    assert _csv(["Not"], [[text]])[1] == ["'" + text]


def test_numbers_and_dates_stay_numbers_and_dates_in_the_xlsx():
    sheet = _xlsx(["n", "d"], [[3, datetime.date(2026, 3, 1)]])
    assert sheet.cell(row=2, column=1).value == 3
    assert sheet.cell(row=2, column=2).value.date() == datetime.date(2026, 3, 1)
