"""What matching adds to pages other apps own: the volunteer's "recommended for you" on
/me/, the invitations of an activity's shifts and tasks on its staff page (panels,
esit/core/panels.py), and its audit action."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esit.activities.selectors.scope import RUN_ACTIVITIES
from esit.audit import actions
from esit.core import panels

from . import selectors
from .models import Invitation


def _recommended(request, *, volunteer):
    if not volunteer.is_active:
        return None
    return {"recommendations": selectors.recommendations(volunteer)}


def _activity_invitations(request, *, activity):
    """Each shift's and task's invitations of this activity: counts and who, in two queries."""
    rows = list(
        Invitation.objects.filter(Q(shift__activity=activity) | Q(task__activity=activity))
        .annotate(shown=selectors.shown_status())
        .select_related("volunteer", "shift", "task")
        .order_by("shift__starts_at", "task__due_date", "-sent_at", "-pk")
    )
    groups: dict[tuple[str, int], dict] = {}
    for invitation in rows:
        key = (
            ("shift", invitation.shift_id) if invitation.shift_id else ("task", invitation.task_id)
        )
        group = groups.setdefault(
            key,
            {
                "shift": invitation.shift,
                "task": invitation.task,
                "invitations": [],
            },
        )
        group["invitations"].append(invitation)
    for group in groups.values():
        group["counts"] = [
            (selectors.status_label(status), count)
            for status, count in selectors.status_counts(group["invitations"]).items()
        ]
    return {"activity": activity, "groups": list(groups.values())}


def register() -> None:
    actions.register("matching.invited", _("Gönüllü vardiyaya ya da göreve davet edildi"))
    panels.register(
        "me",
        panels.Panel(
            key="matching.recommended",
            template="matching/panels/recommended.html",
            context=_recommended,
            order=20,
        ),
    )
    panels.register(
        "staff_activity",
        panels.Panel(
            key="matching.invitations",
            template="matching/panels/invitations.html",
            context=_activity_invitations,
            order=10,
            permission=RUN_ACTIVITIES,
        ),
    )
