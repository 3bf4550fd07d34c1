import time

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from .permissions import staff_gate

STAFF_PREFIX = "/staff/"
PRIVATE_PREFIXES = (STAFF_PREFIX, "/accounts/")


class StaffTwoFactorMiddleware:
    """Every page under /staff/ passes `staff_gate`, our views and the admin alike.

    One gate in front of the whole workspace, so no staff page can be
    forgotten; views declare it again (`staff_member_required`,
    esit/accounts/permissions.py) so that moving a URL never opens it. Staff and
    account pages are never cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # path_info, not path: the gate must hold when the site lives under a sub-path.
        if request.path_info.startswith(STAFF_PREFIX):
            refused = staff_gate(request)
            if refused is not None:
                return refused
        response = self.get_response(request)
        if request.path_info.startswith(PRIVATE_PREFIXES):
            add_never_cache_headers(response)
        return response


class StaffSessionMiddleware:
    """A staff session ends after STAFF_SESSION_IDLE_SECONDS without a request (8 hours).

    The expiry runs from the last request, not from sign-in, so the session is saved again
    as the staff member works, but at most every few minutes (REFRESH_SECONDS): a save on
    every request would be a write for every page. The idle limit is therefore kept to
    within those minutes. Volunteers keep the site's longer sessions.
    """

    REFRESH_SECONDS = 5 * 60
    SEEN_KEY = "esit_staff_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff_member:
            seen = request.session.get(self.SEEN_KEY, 0)
            if int(time.time()) - seen >= self.REFRESH_SECONDS:
                refresh_staff_session(request.session)
        return self.get_response(request)


def refresh_staff_session(session) -> None:
    session[StaffSessionMiddleware.SEEN_KEY] = int(time.time())
    session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)


def start_staff_session(sender, request, user, **kwargs) -> None:
    """At sign-in (`user_logged_in`), when the session is being saved anyway."""
    if request is not None and getattr(user, "is_staff_member", False):
        refresh_staff_session(request.session)
