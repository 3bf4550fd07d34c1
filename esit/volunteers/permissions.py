"""Who may open the pages under /me/: declared once, here, for every view."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import selectors


def volunteer_view(*, active_only: bool):
    """Sign-in required; the view receives the caller's own profile as `volunteer`.

    A signed-in person without a profile (staff, for example) sees a page that
    explains why, instead of an error. With `active_only`, someone who has left
    the programme (not a paused volunteer: she keeps her profile) is sent back
    to the dashboard, which tells them how to return.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            volunteer = selectors.own_profile(user=request.user)
            if volunteer is None:
                return render(
                    request,
                    "volunteers/no_profile.html",
                    {"show_staff_link": request.user.is_staff_member},
                )
            if active_only and not volunteer.in_programme:
                messages.info(
                    request,
                    _("Programdan ayrıldığınız için bu sayfa kullanılamıyor."),
                )
                return redirect("volunteers:dashboard")
            return view(request, *args, volunteer=volunteer, **kwargs)

        # Personal pages: never stored by a shared cache or the browser's back button.
        return login_required(never_cache(wrapped))

    return decorator
