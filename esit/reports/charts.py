"""Charts drawn on the server as inline SVG: no script, no library, no outside service.

Each function turns a figure's rows into shapes (positions in the SVG's own units, texts
already formatted); the partials in templates/reports/partials/ draw them, escaping every
text. A suppressed cell (fewer than 5 people) has no bar and says so.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format

from .selectors import Cell, Figure

WIDTH = 640
LABEL_WIDTH = 250
BAR_HEIGHT = 18
BAR_GAP = 6
COLUMN_HEIGHT = 200
AXIS_LABELS = 12  # at most this many labels under the columns, so they never overlap
HIDDEN = "<5"  # a suppressed cell, in every language (the page explains it)


def cell_text(cell: Cell) -> str:
    if cell is None:
        return HIDDEN
    if isinstance(cell, Decimal):
        return number_format(cell, decimal_pos=1 if cell != cell.to_integral() else 0)
    return number_format(cell)


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    y: float
    width: float
    text_x: float
    text_y: float


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int
    label_x: int
    bar_height: int


@dataclass(frozen=True)
class Column:
    label: str
    value_text: str
    x: float
    y: float
    width: float
    height: float
    show_label: bool
    center: float
    hidden: bool  # suppressed: no column, "<5" on the baseline


@dataclass(frozen=True)
class ColumnChart:
    columns: tuple[Column, ...]
    width: int
    height: int
    plot_height: int
    top: int
    max_text: str
    half_text: str
    half_y: float
    left: int
    right: int
    baseline: float
    axis_label_y: float


def _value(cell: Cell) -> float:
    return float(cell) if cell is not None else 0.0


def bar_chart(figure: Figure) -> BarChart:
    cells = [row.cells[figure.chart_column] for row in figure.rows]
    top = max((_value(cell) for cell in cells), default=0.0) or 1.0
    plot = WIDTH - LABEL_WIDTH - 70
    bars = []
    for index, (row, cell) in enumerate(zip(figure.rows, cells, strict=True)):
        width = plot * _value(cell) / top
        bars.append(
            Bar(
                label=row.label,
                value_text=cell_text(cell),
                y=index * (BAR_HEIGHT + BAR_GAP),
                width=round(width, 1),
                text_x=round(LABEL_WIDTH + width + 6, 1),
                text_y=index * (BAR_HEIGHT + BAR_GAP) + 13,
            )
        )
    height = max(len(bars), 1) * (BAR_HEIGHT + BAR_GAP)
    return BarChart(
        bars=tuple(bars),
        width=WIDTH,
        height=height,
        label_width=LABEL_WIDTH,
        label_x=LABEL_WIDTH - 8,
        bar_height=BAR_HEIGHT,
    )


def column_chart(figure: Figure) -> ColumnChart:
    cells = [row.cells[figure.chart_column] for row in figure.rows]
    top = max((_value(cell) for cell in cells), default=0.0) or 1.0
    left, top_margin = 56, 16
    plot_width = WIDTH - left - 8
    slot = plot_width / max(len(cells), 1)
    every = max(1, -(-len(cells) // AXIS_LABELS))  # ceiling division
    columns = []
    for index, (row, cell) in enumerate(zip(figure.rows, cells, strict=True)):
        height = COLUMN_HEIGHT * _value(cell) / top
        columns.append(
            Column(
                label=row.label,
                value_text=cell_text(cell),
                x=round(left + index * slot + slot * 0.15, 1),
                y=round(top_margin + COLUMN_HEIGHT - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                show_label=index % every == 0,
                center=round(left + index * slot + slot / 2, 1),
                hidden=cell is None,
            )
        )
    top_cell: Cell = Decimal(str(top)) if top != int(top) else int(top)
    half: Cell = Decimal(str(top / 2)).quantize(Decimal("0.1")) if top % 2 else int(top // 2)
    return ColumnChart(
        columns=tuple(columns),
        width=WIDTH,
        height=top_margin + COLUMN_HEIGHT + 40,
        plot_height=COLUMN_HEIGHT,
        top=top_margin,
        max_text=cell_text(top_cell),
        half_text=cell_text(half),
        half_y=top_margin + COLUMN_HEIGHT / 2,
        left=left,
        right=WIDTH - 8,
        baseline=top_margin + COLUMN_HEIGHT,
        axis_label_y=top_margin + COLUMN_HEIGHT + 18,
    )
