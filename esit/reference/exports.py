"""A person's areas and languages in a staff export, in a fixed number of queries.

A list page prefetches each row's areas and languages; an export of 100,000 rows read in
chunks would run those prefetches once per chunk. Instead the database joins each row's
area ids and "language id:level" pairs into two columns of the main query
(`core.spreadsheets.joined`), and `Names` reads the few reference rows they point at once.
Volunteers and applications both name areas and languages this way.
"""

from typing import Any

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Concat

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
    language, for the rows of `with_areas_and_languages`."""

    def __init__(self) -> None:
        self._areas = {str(area.pk): area for area in VolunteerArea.objects.all()}
        self._languages = {str(language.pk): language for language in Language.objects.all()}
        self._levels = dict(LanguageLevel.choices)

    def areas(self, area_ids: str | None) -> str:
        """The areas in the order every list shows them."""
        found = [self._areas[area_id] for area_id in split_joined(area_ids)]
        return ", ".join(area.name for area in sorted_by_name(found))

    def languages(self, language_levels: str | None) -> str:
        """ "Language (level)" in the order of the language list."""
        known = []
        for pair in split_joined(language_levels):
            language_id, level = pair.split(":", 1)
            known.append((self._languages[language_id], level))
        known.sort(key=lambda item: (item[0].position, item[0].name_tr))
        return ", ".join(f"{language.name} ({self._levels[level]})" for language, level in known)
