"""The one rule for the staff workspace: a coordinator or administrator with two factors."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def staff_gate(request):
    """None when the request may enter; otherwise the response that sends it elsewhere.

    Anonymous visitors go to sign-in, volunteers get 403, and a staff member
    without an authenticator is sent to set one up first (DESIGN.md §2).
    """
    if getattr(request, "_staff_gate_passed", False):
        return None  # the middleware already checked this request
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user.is_staff_member:
        raise PermissionDenied
    if not is_mfa_enabled(user):
        messages.warning(
            request, _("Personel sayfaları iki adımlı doğrulama gerektirir. Lütfen önce kurun.")
        )
        return redirect("mfa_activate_totp")
    request._staff_gate_passed = True
    return None
