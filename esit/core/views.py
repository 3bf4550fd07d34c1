import logging

from django.db import connection
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from esit.core.outage import outage_response
from esit.core.panels import panels_for

logger = logging.getLogger(__name__)


def home(request):
    return render(request, "core/home.html", {"panels": panels_for("home", request)})


@require_GET
@never_cache
def healthz(request):
    """Liveness for load balancers: the process answers and the database does too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        logger.warning("Health check: the database did not answer (%s).", type(error).__name__)
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def home_after_login(request):
    """Send each person where their work is: staff to /staff/, volunteers to /me/."""
    user = request.user
    if user.is_authenticated and user.is_staff_member:
        return redirect("staff:dashboard")
    if user.is_authenticated:
        return redirect("volunteers:dashboard")
    return redirect("home")


def server_error(request):
    """Django's 500 page, unless the database is what failed: then 503 (esit/core/outage.py)."""
    return outage_response(request) or defaults.server_error(request)


def forbidden(request, exception=None):
    return HttpResponseForbidden(render_to_string("403.html", request=request))
