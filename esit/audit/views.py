"""/staff/audit/: the trail for those who may read it (capability `audit.read_audit_log`)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from esit.accounts.permissions import capability_required

from . import actions, selectors
from .filters import TrailFilter


def _older_than(request) -> int | None:
    value = request.GET.get("older_than", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


@require_GET
@capability_required("audit.read_audit_log")
def trail(request):
    filters = TrailFilter(
        request.GET or None, queryset=selectors.trail(reader=request.user), request=request
    )
    page = selectors.page_of(filters.qs, older_than=_older_than(request))
    labels = {action.key: action.label for action in actions.all_actions()}
    for event in page.events:
        event.action_label = labels.get(event.action, event.action)
    return render(
        request,
        "audit/trail.html",
        {"filter_form": filters.form, "page": page, "events": page.events},
    )
