"""What applications adds to a volunteer's staff page (a `staff_volunteer` panel,
esit/core/panels.py): the application that brought her in, its decisions and the staff
notes on it, read in a fixed number of queries."""

from django.db.models import Prefetch

from esit.core import panels

from .models import Application, Decision, Note
from .selectors import REVIEW


def _application(request, *, volunteer):
    if volunteer.application_id is None:
        return {"application": None}
    application = (
        Application.objects.filter(pk=volunteer.application_id)
        .prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.select_related("decided_by")),
            Prefetch("notes", queryset=Note.objects.select_related("author")),
        )
        .first()
    )
    return {"application": application, "can_review": request.user.has_perm(REVIEW)}


def register() -> None:
    panels.register(
        "staff_volunteer",
        panels.Panel(
            key="applications.application",
            template="applications/volunteer_sections/application.html",
            context=_application,
            order=20,
        ),
    )
