"""`{% chart figure %}`: a figure drawn as inline SVG (esit/reports/charts.py), and
`{% cell value %}`: one table cell as the report shows it ("<5" when suppressed)."""

from django import template

from .. import charts

register = template.Library()


@register.inclusion_tag("reports/partials/chart.html")
def chart(figure):
    context = {"figure": figure, "kind": figure.chart}
    if figure.chart == "bar":
        context["bars"] = charts.bar_chart(figure)
    elif figure.chart == "columns":
        context["columns"] = charts.column_chart(figure)
    return context


@register.simple_tag
def cell(value):
    return charts.cell_text(value)
