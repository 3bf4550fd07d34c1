"""The staff export of the review queue: the rows a spreadsheet gets, in a fixed number of
queries whatever the number of applications (areas and languages: esit/reference/exports.py;
the audit event and the file: esit/audit/exports.py)."""

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from esit.audit.exports import chunk_size
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


def rows(applications: QuerySet[Application]) -> Iterator[list[object]]:
    """One row per application, in the queue's order, read a chunk at a time."""
    names = Names()
    listed: QuerySet[Any] = with_areas_and_languages(
        applications,
        areas=Application.areas.through.objects.all(),
        languages=ApplicationLanguage.objects.all(),
        outer="application",
    )
    for application in listed.iterator(chunk_size=chunk_size()):
        yield [
            application.first_name,
            application.last_name,
            application.email,
            application.phone_national,
            application.district.name,
            names.areas(application.area_ids),
            names.languages(application.language_levels),
            application.get_status_display(),
            local_time(application.submitted_at),
            local_time(application.decided_at),
        ]
