"""A person's areas, languages and district in a staff export, in a fixed number of queries.

A list page prefetches each row's areas and languages; an export of 100,000 rows read in
chunks would run those prefetches once per chunk. Instead the database joins each row's
area ids and "language id:level" pairs into two columns of the main query
(`core.spreadsheets.joined`), and `Names` reads the few reference rows they point at once.
Volunteers and applications both name areas and languages this way.
"""

from collections.abc import Iterator
from typing import Any

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Concat
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from esit.core import phones
from esit.core.spreadsheets import joined, split_joined

from .models import Language, LanguageLevel, VolunteerArea, sorted_by_name


def with_areas_and_languages(
    queryset: QuerySet[Any], *, areas: QuerySet[Any], languages: QuerySet[Any], outer: str
) -> QuerySet[Any]:
    """`queryset` without its prefetches, each row with `area_ids` (from `areas`, the
    many-to-many table to VolunteerArea) and `language_levels` (from `languages`, rows with
    `language` and `level`), both pointing at the row through `outer`."""
    return queryset.prefetch_related(None).annotate(
        area_ids=joined(areas, outer=outer, value="volunteerarea_id"),
        language_levels=joined(
            languages, outer=outer, value=Concat(F("language_id"), Value(":"), F("level"))
        ),
    )


class Names:
    """The names of areas and languages, read once (two small queries) in the current
    language and put in their list order once, for the rows of `with_areas_and_languages`:
    a row costs a few dictionary lookups, never a sort of names."""

    def __init__(self) -> None:
        # id -> (place in the order every list shows them, name in the current language)
        self._areas = {
            str(area.pk): (place, area.name)
            for place, area in enumerate(sorted_by_name(VolunteerArea.objects.all()))
        }
        self._languages = {
            str(language.pk): (place, language.name)
            for place, language in enumerate(Language.objects.order_by("position", "name_tr"))
        }
        self._levels = {value: str(label) for value, label in LanguageLevel.choices}

    @staticmethod
    def bilingual(name_tr: str, name_en: str) -> str:
        """A reference row's name read as values (a district's): English when asked and
        given, as `BilingualName.name`."""
        return name_en if get_language() == "en" and name_en else name_tr

    def areas(self, area_ids: str | None) -> str:
        """The areas in the order every list shows them."""
        found = sorted(self._areas[area_id] for area_id in split_joined(area_ids))
        return ", ".join(name for _, name in found)

    def languages(self, language_levels: str | None) -> str:
        """ "Language (level)" in the order of the language list."""
        known = []
        for pair in split_joined(language_levels):
            language_id, level = pair.split(":", 1)
            place, name = self._languages[language_id]
            known.append((place, f"{name} ({self._levels[level]})"))
        return ", ".join(text for _, text in sorted(known))


def person_header() -> list[str]:
    """The columns every export of people starts with, in the order `person_rows` fills them."""
    return [
        _("Ad"),
        _("Soyad"),
        _("E-posta"),
        _("Cep telefonu"),
        _("İlçe"),
        _("Alanlar"),
        _("Diller"),
    ]


def person_rows(
    queryset: QuerySet[Any],
    *,
    areas: QuerySet[Any],
    languages: QuerySet[Any],
    outer: str,
    email: str,
    fields: tuple[str, ...],
    chunk_size: int,
) -> Iterator[tuple[dict[str, Any], list[object]]]:
    """Each row of `queryset` read as values (its `fields` and the person's own, `email`
    naming the address's path), a chunk at a time, with the cells of `person_header()`:
    the applications' and the volunteers' exports add their own columns after them."""
    names = Names()
    listed = with_areas_and_languages(queryset, areas=areas, languages=languages, outer=outer)
    person = ("first_name", "last_name", email, "phone", "district__name_tr", "district__name_en")
    for row in listed.values(*person, "area_ids", "language_levels", *fields).iterator(
        chunk_size=chunk_size
    ):
        yield (
            row,
            [
                row["first_name"],
                row["last_name"],
                row[email],
                phones.national(row["phone"]),
                names.bilingual(row["district__name_tr"], row["district__name_en"]),
                names.areas(row["area_ids"]),
                names.languages(row["language_levels"]),
            ],
        )
