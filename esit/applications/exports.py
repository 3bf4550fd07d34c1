"""The staff export of the review queue: the rows a spreadsheet gets, in a fixed number of
queries whatever the number of applications (areas and languages: esit/reference/exports.py;
the audit event and the file: esit/audit/exports.py)."""

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from esit.audit.exports import chunk_size
from esit.core import phones
from esit.core.spreadsheets import local_time
from esit.reference.exports import Names, with_areas_and_languages

from .models import Application, ApplicationLanguage


def header() -> list[str]:
    return [
        _("Ad"),
        _("Soyad"),
        _("E-posta"),
        _("Cep telefonu"),
        _("İlçe"),
        _("Alanlar"),
        _("Diller"),
        _("Durum"),
        _("Başvuru tarihi"),
        _("Karar tarihi"),
    ]


# What a row reads: values, not models (no model instances per row, no decryption of the
# encrypted texts the export does not show).
FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "district__name_tr",
    "district__name_en",
    "area_ids",
    "language_levels",
    "status",
    "submitted_at",
    "decided_at",
)


def rows(applications: QuerySet[Application]) -> Iterator[list[object]]:
    """One row per application, in the queue's order, read a chunk at a time."""
    names = Names()
    statuses = dict(Application.Status.choices)
    listed: QuerySet[Any] = with_areas_and_languages(
        applications,
        areas=Application.areas.through.objects.all(),
        languages=ApplicationLanguage.objects.all(),
        outer="application",
    )
    for row in listed.values(*FIELDS).iterator(chunk_size=chunk_size()):
        yield [
            row["first_name"],
            row["last_name"],
            row["email"],
            phones.national(row["phone"]),
            names.bilingual(row["district__name_tr"], row["district__name_en"]),
            names.areas(row["area_ids"]),
            names.languages(row["language_levels"]),
            statuses[row["status"]],
            local_time(row["submitted_at"]),
            local_time(row["decided_at"]),
        ]
