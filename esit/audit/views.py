"""/staff/audit/: the trail for those who may read it (capability `audit.read_audit_log`)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from esit.accounts.permissions import capability_required

from . import actions
from .forms import TrailFilterForm
from .selectors import audit_trail


@require_GET
@capability_required("audit.read_audit_log")
def trail(request):
    filter_form = TrailFilterForm(request.GET or None)
    page = audit_trail(filter_form.trail_filters())
    labels = {action.key: action.label for action in actions.all_actions()}
    for event in page.events:
        event.action_label = labels.get(event.action, event.action)
    return render(
        request,
        "audit/trail.html",
        {"filter_form": filter_form, "page": page, "events": page.events},
    )
