"""Audited downloads: how every staff list leaves the platform as a spreadsheet.

A list's export is the list itself: the view builds the page's FilterSet over the page's
scoped selector and hands it here, so an export can never hold a row the page would not
show. `download` writes one audit event before the first row leaves (KVKK: every transfer
of personal data is accounted for): who (the actor), when (the event's time), what
(`action`, one per list), how many rows (one COUNT of the same queryset) and which filters
(their names and values, from the filter form's valid values). A search box may hold a
person's name, so the trail says only that a search was used, never what it said.

The rows are streamed (esit/core/spreadsheets.py: CSV row by row, XLSX through a write-only
workbook) and written in the reader's language, even after the view has returned. A list
reads its queryset with `.iterator(chunk_size=chunk_size())` and no query per row.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal

import django_filters
from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.urls import URLPattern, path
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_stubs_ext import StrOrPromise

from esit.accounts.models import User
from esit.core.spreadsheets import csv_download, xlsx_download

from . import services

FileFormat = Literal["csv", "xlsx"]
FORMATS: tuple[FileFormat, ...] = ("csv", "xlsx")

Row = Sequence[object]


def chunk_size() -> int:
    """Rows an export reads from the database at a time (settings.EXPORT_CHUNK_SIZE)."""
    return int(settings.EXPORT_CHUNK_SIZE)


def export_paths(route: str, view: Callable[..., Any], *, name: str) -> list[URLPattern]:
    """`<route>.csv` and `<route>.xlsx` for one export view, named `<name>_csv` and
    `<name>_xlsx`; the view receives the format as `file_format`."""
    return [
        path(
            f"{route}.{file_format}",
            view,
            {"file_format": file_format},
            name=f"{name}_{file_format}",
        )
        for file_format in FORMATS
    ]


def filters_used(filters: django_filters.FilterSet) -> tuple[list[str], bool]:
    """The filters that narrowed the list as `name=value`, as the query string gave them
    (valid values only: the page leaves an invalid one out too), and whether a search was
    used: a free-text filter (a CharFilter, the search box) may hold a name, so its text is
    never kept."""
    if not filters.is_bound:
        return [], False
    filters.form.is_valid()
    cleaned = filters.form.cleaned_data
    used: list[str] = []
    searched = False
    for name, item in filters.filters.items():
        values = [value for value in filters.data.getlist(name) if value]
        if not values or cleaned.get(name) in (None, ""):
            continue  # not given, or not valid
        if isinstance(item, django_filters.CharFilter):
            searched = True
        else:
            used.append(f"{name}={'|'.join(values)}")
    return used, searched


def _summary(*, count: int, file_format: str, filters: django_filters.FilterSet | None) -> str:
    """In the programme's language, whatever the page's, like the rest of the trail."""
    with translation.override(settings.LANGUAGE_CODE):
        text = ngettext(
            "%(count)d satır dışa aktarıldı (%(format)s)",
            "%(count)d satır dışa aktarıldı (%(format)s)",
            count,
        ) % {"count": count, "format": file_format.upper()}
        if filters is None:
            return text
        used, searched = filters_used(filters)
        text += "; " + (
            _("süzgeçler: %(filters)s") % {"filters": ", ".join(used)} if used else _("süzgeç yok")
        )
        if searched:
            text += "; " + _("arama kullanıldı")
        return text


def _in_language(rows: Iterable[Row], language: str) -> Iterator[Row]:
    # The response is read after the view has returned, when the request's language is gone.
    with translation.override(language):
        yield from rows


def download(
    request: HttpRequest,
    *,
    file_format: str,
    action: str,
    name: str,
    title: StrOrPromise,
    header: Sequence[StrOrPromise],
    rows: Iterable[Row],
    count: int,
    filters: django_filters.FilterSet | None = None,
    obj: Model | None = None,
) -> StreamingHttpResponse:
    """Audit the export (`action`, registered by its app) of `count` rows, then stream `rows`
    under `header` as `<name>-<day in İzmir>.<file_format>`; `title` names the XLSX sheet.
    An unknown format is not found, as a mistyped address is."""
    if file_format not in FORMATS:
        raise Http404(_("Bu biçimde indirme yok."))
    actor = request.user if isinstance(request.user, User) else None
    services.record(
        action=action,
        actor=actor,
        obj=obj,
        summary=_summary(count=count, file_format=file_format, filters=filters),
        request=request,
    )
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    header_text = [str(column) for column in header]
    content = _in_language(rows, translation.get_language() or settings.LANGUAGE_CODE)
    if file_format == "xlsx":
        return xlsx_download(filename, header_text, content, title=str(title))
    return csv_download(filename, header_text, content)


def filtered_download(
    request: HttpRequest,
    *,
    filters: django_filters.FilterSet,
    rows: Callable[[QuerySet[Any]], Iterable[Row]],
    **export: Any,
) -> StreamingHttpResponse:
    """`download` of a list page's filtered queryset: the same FilterSet the page uses, its
    rows counted once by the database and read by `rows(queryset)` as they stream."""
    queryset = filters.qs
    return download(request, filters=filters, rows=rows(queryset), count=queryset.count(), **export)
