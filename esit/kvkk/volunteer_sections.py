"""What the KVKK app adds to a volunteer's staff page: her latest consent, and where to
write down one she gave on paper, by phone or in person."""

from esit.core import panels

from .notices import consents_of


def _consents(request, *, volunteer):
    latest = consents_of(volunteer.user).select_related("notice").order_by("-given_at").first()
    return {"latest": latest, "volunteer": volunteer}


def register() -> None:
    panels.register(
        "staff_volunteer",
        panels.Panel(
            key="kvkk.consents",
            template="kvkk/volunteer_sections/consents.html",
            context=_consents,
            order=90,
            permission="volunteers.manage_volunteers",
        ),
    )
