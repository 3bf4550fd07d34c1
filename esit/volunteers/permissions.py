"""Who may open the pages under /me/: declared once, here, for every view."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import selectors


def volunteer_view(*, active_only: bool, allow_paused: bool = False, details: bool = True):
    """Sign-in required; the view receives the caller's own profile as `volunteer`.

    A signed-in person without a profile (staff, for example) sees a page that
    explains why, instead of an error. With `active_only`, someone who is not
    taking part (she left, or staff paused her) is sent back to the dashboard,
    which tells her why; `allow_paused` lets a paused volunteer in (her profile
    and preferences are still hers to keep up to date). Without `details`, the profile comes
    without its areas and languages (`own_volunteer`), for actions that do not show them.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            read = selectors.own_profile if details else selectors.own_volunteer
            volunteer = read(user=request.user)
            if volunteer is None:
                return render(
                    request,
                    "volunteers/no_profile.html",
                    {"show_staff_link": request.user.is_staff_member},
                )
            allowed = volunteer.in_programme if allow_paused else volunteer.is_active
            if active_only and not allowed:
                if volunteer.in_programme:
                    text = _("Gönüllülüğünüz duraklatıldığı için bu sayfa kullanılamıyor.")
                else:
                    text = _("Programdan ayrıldığınız için bu sayfa kullanılamıyor.")
                messages.info(request, text)
                return redirect("volunteers:dashboard")
            return view(request, *args, volunteer=volunteer, **kwargs)

        # Personal pages: never stored by a shared cache or the browser's back button.
        return login_required(never_cache(wrapped))

    return decorator
