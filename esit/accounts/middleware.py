from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

STAFF_PREFIX = "/staff/"


class StaffTwoFactorMiddleware:
    """Every page under /staff/ is for coordinators and administrators with two factors.

    One gate in front of the whole workspace (our views and the admin alike), so
    no staff page can be forgotten. A staff member without an authenticator is
    sent to set one up before anything else (DESIGN.md §2).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(STAFF_PREFIX):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user.is_staff_member:
                raise PermissionDenied
            if not is_mfa_enabled(user):
                messages.warning(
                    request,
                    _("Personel sayfaları iki adımlı doğrulama gerektirir. Lütfen önce kurun."),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)
