"""The staff export of the review queue: the rows a spreadsheet gets, in a fixed number of
queries whatever the number of applications (areas and languages: esit/reference/exports.py;
the audit event and the file: esit/audit/exports.py)."""

from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from esit.audit.exports import chunk_size
from esit.core.spreadsheets import local_time
from esit.reference.exports import person_header, person_rows

from .models import Application, ApplicationLanguage


def header() -> list[str]:
    return [*person_header(), _("Durum"), _("Başvuru tarihi"), _("Karar tarihi")]


def rows(applications: QuerySet[Application]) -> Iterator[list[object]]:
    """One row per application, in the queue's order, read a chunk at a time: values, not
    models (no model instances per row, no decryption of the texts the export does not show)."""
    statuses = dict(Application.Status.choices)
    for row, person in person_rows(
        applications,
        areas=Application.areas.through.objects.all(),
        languages=ApplicationLanguage.objects.all(),
        outer="application",
        email="email",
        fields=("status", "submitted_at", "decided_at"),
        chunk_size=chunk_size(),
    ):
        yield [
            *person,
            statuses[row["status"]],
            local_time(row["submitted_at"]),
            local_time(row["decided_at"]),
        ]
