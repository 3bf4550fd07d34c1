"""Required areas and languages of shifts and tasks: who may take them.

The rule (docs/activities.md): a volunteer meets a shift's or a task's
requirements when they have **at least one** of its required areas (if it
names any) and **every** required language, at any level. A shift for
"Translation or Education support, in Arabic" wants someone who works in
either area and speaks Arabic; the level is not checked, since coordinators
set required languages for who can talk to participants at all.

Sign-up and claim refuse a volunteer who does not meet them, and say what is
missing. A coordinator may still add or assign such a volunteer, but only
explicitly (an "although the requirements are not met" box): the row then
records who decided that and when, and the roster or task page shows it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from esit.activities.models import Shift, Task
from esit.reference.models import Language, VolunteerArea, sorted_by_name
from esit.volunteers.models import Volunteer

from .errors import ActivityError

OVERRIDE_FIELD = "override_requirements"


@dataclass(frozen=True)
class Unmet:
    """What a volunteer lacks: the required areas (when they have none of them) and the
    required languages they do not speak. Empty (falsy) when the requirements are met."""

    areas: list[VolunteerArea] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.areas or self.languages)

    def describe(self) -> str:
        """ "at least one of the required areas (Translation, Workshops); the required
        language (Arabic)", in the active language."""
        parts = []
        if self.areas:
            names = ", ".join(area.name for area in sorted_by_name(self.areas))
            parts.append(
                ngettext(
                    "gereken alan (%(names)s)",
                    "gereken alanlardan en az biri (%(names)s)",
                    len(self.areas),
                )
                % {"names": names}
            )
        if self.languages:
            names = ", ".join(language.name for language in sorted_by_name(self.languages))
            parts.append(
                ngettext(
                    "gereken dil (%(names)s)", "gereken diller (%(names)s)", len(self.languages)
                )
                % {"names": names}
            )
        return "; ".join(parts)


def unmet(
    *,
    area_ids: Iterable[int],
    language_ids: Iterable[int],
    required_areas: Iterable[VolunteerArea],
    required_languages: Iterable[Language],
) -> Unmet:
    """The rule itself, on what a volunteer has (ids) and what a shift or task requires."""
    area_ids, language_ids = set(area_ids), set(language_ids)
    required_areas, required_languages = list(required_areas), list(required_languages)
    has_an_area = not required_areas or any(area.pk in area_ids for area in required_areas)
    return Unmet(
        areas=[] if has_an_area else required_areas,
        languages=[language for language in required_languages if language.pk not in language_ids],
    )


def unmet_for(volunteer: Volunteer, target: Shift | Task) -> Unmet:
    """What `volunteer` lacks for a shift or a task (`target`), read from the database now."""
    return unmet(
        area_ids=volunteer.areas.values_list("pk", flat=True),
        language_ids=volunteer.languages.values_list("language_id", flat=True),
        required_areas=target.required_areas.all(),
        required_languages=target.required_languages.all(),
    )


# What the volunteer is told, by what they tried to take.
_REFUSED_TO_VOLUNTEER = {
    "shift": _("Bu vardiyaya kaydolamazsınız; profilinizde eksik olan: %(missing)s."),
    "task": _("Bu görevi üstlenemezsiniz; profilinizde eksik olan: %(missing)s."),
}
# What the coordinator is told, next to the box that lets them go ahead.
_REFUSED_TO_COORDINATOR = {
    "shift": _(
        "%(name)s bu vardiyanın gereksinimlerini karşılamıyor; eksik olan: %(missing)s. "
        "Yine de eklemek için “Gereksinimler karşılanmasa da ekle” kutusunu işaretleyin."
    ),
    "task": _(
        "%(name)s bu görevin gereksinimlerini karşılamıyor; eksik olan: %(missing)s. "
        "Yine de atamak için “Gereksinimler karşılanmasa da ata” kutusunu işaretleyin."
    ),
}


def refusal_for_volunteer(missing: Unmet, *, kind: str) -> str:
    return _REFUSED_TO_VOLUNTEER[kind] % {"missing": missing.describe()}


def check_for_volunteer(volunteer: Volunteer, target: Shift | Task, *, kind: str) -> None:
    """A volunteer taking a shift or task themselves: refused when the requirements are not met.

    `kind` is "shift" or "task". Call it with the volunteer's row locked.
    """
    if missing := unmet_for(volunteer, target):
        raise ActivityError(refusal_for_volunteer(missing, kind=kind))


def check_for_coordinator(
    volunteer: Volunteer, target: Shift | Task, *, kind: str, override: bool
) -> bool:
    """A coordinator adding or assigning someone: True when the requirements are waived.

    Refused (next to the override box) when they are not met and the coordinator
    did not tick the box; with the box ticked, True tells the caller to record
    who waived them and when. False when they are met (nothing to waive).
    """
    missing = unmet_for(volunteer, target)
    if not missing:
        return False
    if not override:
        raise ActivityError(
            _REFUSED_TO_COORDINATOR[kind]
            % {"name": volunteer.full_name, "missing": missing.describe()},
            field=OVERRIDE_FIELD,
        )
    return True
