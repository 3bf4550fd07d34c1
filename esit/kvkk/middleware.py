"""Volunteers accept a materially changed text before using their pages again.

For a signed-in user, the session remembers which material version was last checked (or
accepted); while that is the latest (kept in the cache, see
`privacy.services.latest_material_id`), a request costs no query. When a newer material
version exists and the volunteer's consent is older than it, her volunteer pages (/me/…,
/ideas/, /resources/, and any form she posts) lead to /me/consent/, where she accepts or
chooses to leave. Her rights stay open: her data, erasure, leaving, sign-out, the notice.
"""

from urllib.parse import quote

from django.shortcuts import redirect

from esit.privacy.services import latest_material_id

from . import notices
from .consent_views import SESSION_KEY

OPEN_PATHS = (
    "/me/consent/",
    "/me/withdraw/",
    "/me/data",
    "/me/stay/",
    "/accounts/",
    "/privacy/",
    "/static/",
    "/i18n/",
    "/healthz",
    "/staff/",
)
VOLUNTEER_PATHS = ("/me/", "/ideas/", "/resources/")


class ReconsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_staff:
            response = self._check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request, user):
        path = request.path_info
        if path.startswith(OPEN_PATHS):
            return None
        guarded = path.startswith(VOLUNTEER_PATHS) or request.method not in ("GET", "HEAD")
        if not guarded:
            return None
        material = latest_material_id()
        if material == 0 or request.session.get(SESSION_KEY) == material:
            return None
        if notices.needs_reconsent(user):
            target = "/me/consent/"
            if request.method == "GET":
                target += f"?next={quote(request.get_full_path())}"
            return redirect(target)
        request.session[SESSION_KEY] = material
        return None
