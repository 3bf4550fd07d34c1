"""The content version of the reference lists (districts, areas, languages, the equality
plan's areas).

Filter forms render these lists as their choices on every staff list; a rendered form is kept
under this version (`filters.rendered_fields`), and any save or delete of a reference row
bumps it, so a renamed or added district shows at once (esit/core/versions.py).
"""

from django.db.models.signals import post_delete, post_save

from esit.core import versions

REFERENCE_VERSION = "reference"


def _changed(sender, **kwargs) -> None:
    versions.bump(REFERENCE_VERSION)


def connect() -> None:
    from .models import District, Language, PlanArea, VolunteerArea

    for model in (District, VolunteerArea, Language, PlanArea):
        post_save.connect(_changed, sender=model, dispatch_uid=f"reference-version-save-{model}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"reference-version-del-{model}")
