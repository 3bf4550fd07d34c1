"""The annual impact report: the year's figures, charts, highlights and ideas done as a PDF for the
council (WeasyPrint), in Turkish or English.

Fonts come from the system, as for certificates (DejaVu Sans, Bitstream Vera licence, on
every Debian machine with fontconfig; Noto Sans as a fallback): both cover ğ ş ı İ ç ö ü.
The charts are the dashboard's inline SVG, which WeasyPrint draws itself.
"""

from django.template.loader import render_to_string
from django.utils import translation

from esit.accounts.models import User

from . import selectors


def render_annual_report_pdf(
    *, user: User, year: int, language: str, filters: selectors.ReportFilters | None = None
) -> bytes:
    from weasyprint import HTML  # heavy import, only where a PDF is made
    from weasyprint.urls import URLFetcher

    chosen = selectors.year_filters(year, filters)
    with translation.override(language):
        report = selectors.impact_report(user=user, filters=chosen)
        html = render_to_string(
            "reports/annual_pdf.html",
            {
                "year": year,
                "language": language,
                "report": report,
                "highlights": selectors.highlights(user=user, filters=chosen),
                "ideas_done": selectors.ideas_done(user=user, filters=chosen),
            },
        )
    # The template needs nothing from outside: no file, no network.
    fetcher = URLFetcher(allowed_protocols={"data"})
    pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    return pdf
