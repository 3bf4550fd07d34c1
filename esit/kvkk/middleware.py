"""Volunteers accept a materially changed text at their next sign-in, before using their
pages again.

When a volunteer signs in (`mark_on_sign_in`, a receiver of Django's `user_logged_in`, which
allauth sends too), her consent is compared with the latest materially changed text; if it
is older, her session says so. While it does, her volunteer pages (/me/…, /ideas/,
/resources/, and any form she posts) lead to /me/consent/, where she accepts or chooses to
leave. Her rights stay open: her data, erasure, leaving, sign-out, the notice. Reading the
session costs no query, so no page gets slower for everyone else.
"""

from urllib.parse import quote

from django.shortcuts import redirect

from . import notices

SESSION_KEY = "esit_consent_needed"

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


def mark_on_sign_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    if not user.is_staff and notices.needs_reconsent(user):
        request.session[SESSION_KEY] = True
    else:
        request.session.pop(SESSION_KEY, None)


class ReconsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY):
            response = self._stop(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _stop(self, request):
        path = request.path_info
        if path.startswith(OPEN_PATHS):
            return None
        if not (path.startswith(VOLUNTEER_PATHS) or request.method not in ("GET", "HEAD")):
            return None
        target = "/me/consent/"
        if request.method == "GET":
            target += f"?next={quote(request.get_full_path())}"
        return redirect(target)
