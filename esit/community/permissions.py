"""Who may open the network's pages: declared once, here, for every view of /ideas/."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from esit.accounts.permissions import proved_second_factor
from esit.volunteers import selectors as volunteers

from .selectors import MODERATE


def network_view(view):
    """Signed-in volunteers in the programme (active or paused) and staff. A visitor is sent
    to sign in; a signed-in account that has no volunteer profile, or whose volunteer left or
    was ended, and is not staff sees the "no profile" page /me/ shows: the same answer for
    both (volunteers.selectors.in_programme, the rule of the volunteers-only library too)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not volunteers.in_programme(user=request.user):
            return render(request, "volunteers/no_profile.html", {"show_staff_link": False})
        return view(request, *args, **kwargs)

    return login_required(never_cache(wrapped))


def sees_hidden(request: HttpRequest) -> bool:
    """Whether this request may see hidden network content: a staff member holding
    `moderation.moderate_content` whose session passed the staff second factor (the rule of
    the staff workspace, esit.accounts.permissions.staff_gate). Hidden content is what people
    reported (doxxing, harassment): a stolen password alone must never show it."""
    user = request.user
    if not (user.is_authenticated and user.is_staff_member and user.has_perm(MODERATE)):
        return False
    return proved_second_factor(request)
