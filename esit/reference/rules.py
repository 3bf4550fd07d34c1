"""What a choice from the reference lists must be, whoever makes it.

The forms' reference fields (esit/reference/forms.py) and the services that store a
district, areas, languages or a week of availability (applications, volunteer
profiles) call these same checks, so each refusal has one message.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from esit.core.errors import RuleError, checked

from . import availability
from .models import District, Language, LanguageLevel, VolunteerArea

DISTRICT_UNKNOWN = _("Lütfen listeden bir ilçe seçin.")
AREA_UNKNOWN = _("Lütfen listedeki alanlardan seçin.")
AREA_REQUIRED = _("En az bir gönüllülük alanı seçin.")
LANGUAGE_UNKNOWN = _("Lütfen listedeki dillerden seçin.")
LEVEL_UNKNOWN = _("Lütfen listedeki düzeylerden birini seçin.")
LANGUAGE_TWICE = _("Her dil için yalnızca bir düzey seçin.")
AVAILABILITY_UNKNOWN = _("Lütfen tablodaki gün ve saatlerden seçin.")


def language_field(language: Language) -> str:
    """The name of a language's level field on the forms, and of the field a refusal names."""
    return f"language_{language.code}"


def check_district(district) -> None:
    """One of the districts offered today (an active row of the reference list)."""
    if not isinstance(district, District) or district.pk is None or not district.is_active:
        raise ValidationError(DISTRICT_UNKNOWN, code="invalid_choice")


def check_areas(areas) -> None:
    """At least one volunteer area, each offered today."""
    areas = list(areas or [])
    if not areas:
        raise ValidationError(AREA_REQUIRED, code="required")
    for area in areas:
        if not isinstance(area, VolunteerArea) or area.pk is None or not area.is_active:
            raise ValidationError(AREA_UNKNOWN, code="invalid_choice")


def check_language(language) -> None:
    if not isinstance(language, Language) or language.pk is None or not language.is_active:
        raise ValidationError(LANGUAGE_UNKNOWN, code="invalid_choice")


def check_level(level: str) -> None:
    if level not in LanguageLevel.values:
        raise ValidationError(LEVEL_UNKNOWN, code="invalid_choice")


def check_availability(mask: int) -> None:
    """A week of availability: any set of the 21 slots, kept as a bitmask."""
    if isinstance(mask, bool) or not isinstance(mask, int) or not 0 <= mask <= availability.ALL:
        raise ValidationError(AVAILABILITY_UNKNOWN, code="invalid_choice")


def checked_languages(pairs, *, error: type[RuleError] = RuleError) -> list[tuple[Language, str]]:
    """(language, level) pairs: each language offered today, named once, at a known level.

    A refusal names the language's own field (`language_field`), so a form shows it there.
    """
    checked_pairs, seen = [], set()
    for language, level in pairs or []:
        field = language_field(language) if isinstance(language, Language) else None
        checked(check_language, language, field=field, error=error)
        if language.pk in seen:
            raise error(LANGUAGE_TWICE, field=field)
        checked(check_level, level, field=field, error=error)
        seen.add(language.pk)
        checked_pairs.append((language, level))
    return checked_pairs
