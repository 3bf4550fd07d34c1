"""The staff workspace's front page (the staff gate and the roles live in this app)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from esit.core.panels import panels_for

from .permissions import staff_member_required


@require_GET
@staff_member_required
def staff_dashboard(request):
    """/staff/: what needs a coordinator today, from every app's "staff" panels."""
    return render(
        request, "accounts/staff_dashboard.html", {"panels": panels_for("staff", request)}
    )
