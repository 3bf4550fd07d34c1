"""The staff export of the directory: the rows a spreadsheet gets, read in chunks."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esit.reference.models import sorted_by_name

if TYPE_CHECKING:
    from .selectors import MeasuredVolunteer

CHUNK_SIZE = 500


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


def rows(volunteers: "QuerySet[MeasuredVolunteer]", *, language: str) -> Iterator[list[object]]:
    """One row per volunteer, in the list's order; read CHUNK_SIZE at a time (with their
    prefetched areas and languages), in `language` even after the view has returned."""
    with translation.override(language):
        for volunteer in volunteers.iterator(chunk_size=CHUNK_SIZE):
            areas = sorted_by_name(volunteer.areas.all())
            known = volunteer.languages.all()
            yield [
                volunteer.first_name,
                volunteer.last_name,
                volunteer.user.email,
                volunteer.phone_national,
                volunteer.district.name,
                ", ".join(area.name for area in areas),
                ", ".join(f"{item.language.name} ({item.get_level_display()})" for item in known),
                volunteer.get_status_display(),
                timezone.localdate(volunteer.joined_at),
                volunteer.approved_hours,
                volunteer.last_active_on or "",
            ]
