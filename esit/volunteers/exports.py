"""The staff export of the directory: the rows a spreadsheet gets, in a fixed number of
queries whatever the number of volunteers (areas and languages: esit/reference/exports.py;
the audit event and the file: esit/audit/exports.py)."""

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from esit.audit.exports import chunk_size
from esit.reference.exports import Names, with_areas_and_languages

from .models import Volunteer, VolunteerLanguage

if TYPE_CHECKING:
    from .selectors import MeasuredVolunteer


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
        _("Katılım tarihi"),
        _("Onaylı saat"),
        _("Son etkinlik"),
    ]


def rows(volunteers: "QuerySet[MeasuredVolunteer]") -> Iterator[list[object]]:
    """One row per volunteer, in the list's order, read a chunk at a time."""
    names = Names()
    listed: QuerySet[Any] = with_areas_and_languages(
        volunteers,
        areas=Volunteer.areas.through.objects.all(),
        languages=VolunteerLanguage.objects.all(),
        outer="volunteer",
    )
    for volunteer in listed.iterator(chunk_size=chunk_size()):
        yield [
            volunteer.first_name,
            volunteer.last_name,
            volunteer.user.email,
            volunteer.phone_national,
            volunteer.district.name,
            names.areas(volunteer.area_ids),
            names.languages(volunteer.language_levels),
            volunteer.get_status_display(),
            timezone.localdate(volunteer.joined_at),
            volunteer.approved_hours,
            volunteer.last_active_on or "",
        ]
