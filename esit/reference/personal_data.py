"""The reference lists hold no personal data; declared so that a new field must be classified."""

from esit.core import personal_data_registry as registry

from .models import District, Language, PlanArea, PlanGoal, VolunteerArea

NAMES = {"name_tr", "name_en", "is_active", "position"}


def register() -> None:
    registry.register_no_personal_data(
        District, fields=NAMES | {"slug", "kind"}, reason="İzmir's districts (reference list)."
    )
    registry.register_no_personal_data(
        VolunteerArea, fields=NAMES | {"slug"}, reason="Volunteer areas (reference list)."
    )
    registry.register_no_personal_data(
        Language, fields=NAMES | {"code"}, reason="Languages (reference list)."
    )
    registry.register_no_personal_data(
        PlanArea,
        fields=NAMES | {"slug", "code"},
        reason="Areas of the local equality action plan (reference list).",
    )
    registry.register_no_personal_data(
        PlanGoal,
        fields=NAMES | {"slug", "code"},
        reason="Goals of the local equality action plan (reference list).",
    )
