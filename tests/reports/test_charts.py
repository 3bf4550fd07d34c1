"""The charts are drawn on the server as SVG, readable without a script or a library."""

from decimal import Decimal

from django.template.loader import render_to_string

from esit.reports import charts
from esit.reports.selectors import Figure, Row


def figure(rows, chart="bar") -> Figure:
    return Figure(
        key="sample",
        title="Örnek",
        label_heading="İlçe",
        columns=("Toplam",),
        rows=tuple(Row(label=label, cells=(value,)) for label, value in rows),
        chart=chart,
    )


def test_bars_are_as_long_as_their_values_and_the_largest_fills_the_width():
    chart = charts.bar_chart(figure([("Konak", 40), ("Buca", 20), ("Urla", 0)]))
    konak, buca, urla = chart.bars
    assert konak.width == charts.WIDTH - charts.LABEL_WIDTH - 70
    assert buca.width == konak.width / 2
    assert urla.width == 0


def test_a_hidden_cell_draws_no_bar_and_says_less_than_five():
    chart = charts.bar_chart(figure([("Konak", 10), ("Karaburun", None)]))
    assert chart.bars[1].width == 0
    assert chart.bars[1].value_text == "<5"


def test_columns_stand_on_one_baseline_and_the_highest_reaches_the_top():
    chart = charts.column_chart(
        figure([("2026-09", Decimal("15")), ("2026-10", Decimal("7.5"))], chart="columns")
    )
    september, october = chart.columns
    assert september.y + september.height == october.y + october.height == chart.baseline
    assert september.height == chart.plot_height
    assert october.height == chart.plot_height / 2


def test_many_columns_label_only_some_of_them_so_labels_never_overlap():
    weeks = [(f"2026-{n:02d}", n) for n in range(1, 41)]
    chart = charts.column_chart(figure(weeks, chart="columns"))
    assert sum(column.show_label for column in chart.columns) <= charts.AXIS_LABELS


def test_the_svg_escapes_labels_and_names_itself_for_screen_readers(db):
    html = render_to_string(
        "reports/partials/chart.html",
        {
            "figure": figure([("<script>alert(1)</script>", 5)]),
            "kind": "bar",
            "bars": charts.bar_chart(figure([("<script>alert(1)</script>", 5)])),
        },
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'role="img"' in html
    assert 'aria-labelledby="chart-sample-title"' in html


def test_svg_coordinates_are_never_written_with_a_decimal_comma(db):
    from django.utils import translation

    with translation.override("tr"):
        html = render_to_string(
            "reports/partials/chart.html",
            {
                "figure": figure([("Konak", 7), ("Buca", 3)]),
                "kind": "bar",
                "bars": charts.bar_chart(figure([("Konak", 7), ("Buca", 3)])),
            },
        )
    assert 'width="137.1"' in html  # 320 × 3/7, with a point whatever the language


def test_decimal_figures_are_written_the_readers_way():
    from django.utils import translation

    with translation.override("tr"):
        assert charts.cell_text(Decimal("12.5")) == "12,5"
    with translation.override("en"):
        assert charts.cell_text(Decimal("12.5")) == "12.5"
    assert charts.cell_text(Decimal("15")) == "15"
