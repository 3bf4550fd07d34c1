"""Who may open the network's pages: declared once, here, for every view of /ideas/."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from esit.volunteers import selectors as volunteers


def network_view(view):
    """Signed-in volunteers and staff. A visitor is sent to sign in; a signed-in account that
    has no volunteer profile and is not staff sees the "no profile" page /me/ shows."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_staff_member and volunteers.own_profile(user=request.user) is None:
            return render(request, "volunteers/no_profile.html", {"show_staff_link": False})
        return view(request, *args, **kwargs)

    return login_required(never_cache(wrapped))
