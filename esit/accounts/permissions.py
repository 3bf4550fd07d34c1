"""The one rule for the staff workspace: a coordinator or administrator with two factors."""

import datetime
from functools import wraps

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .standing import standing_of


def staff_gate(request):
    """None when the request may enter; otherwise the response that sends it elsewhere.

    Anonymous visitors go to sign-in, volunteers get 403, a staff member
    without an authenticator is sent to set one up first (docs/product.md, "Roles"), and
    one whose session never passed the second factor (a sign-in by some other
    path) is asked for a code before anything else.
    """
    if getattr(request, "_staff_gate_passed", False):
        return None  # the middleware already checked this request
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user.is_staff_member:
        raise PermissionDenied
    if not standing_of(user).two_factor:
        messages.warning(
            request, _("Personel sayfaları iki adımlı doğrulama gerektirir. Lütfen önce kurun.")
        )
        return redirect("mfa_activate_totp")
    if not passed_second_factor(request):
        return redirect_to_login(request.get_full_path(), login_url=reverse("mfa_reauthenticate"))
    request._staff_gate_passed = True
    return None


def proved_second_factor(request) -> bool:
    """Checked quietly, outside the staff gate (a page that shows more to staff): the account
    has an authenticator and this session passed it."""
    if getattr(request, "_staff_gate_passed", False):
        return True
    return standing_of(request.user).two_factor and passed_second_factor(request)


def passed_second_factor(request) -> bool:
    """Whether this session proved the second factor.

    allauth logs every factor used in the session. Setting up an authenticator
    also proves it (the form takes a valid code) but is not logged, so an
    authenticator created after the session's first sign-in step counts too.
    """
    records = get_authentication_records(request, request.user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    if not records:
        return False
    signed_in_at = datetime.datetime.fromtimestamp(min(r["at"] for r in records), tz=datetime.UTC)
    return Authenticator.objects.filter(user=request.user, created_at__gte=signed_in_at).exists()


def staff_member_required(view):
    """A view of the staff workspace: `staff_gate` first (declared on the view as well as by
    StaffTwoFactorMiddleware, so that moving a URL can never open it to everyone)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        refused = staff_gate(request)
        if refused is not None:
            return refused
        return view(request, *args, **kwargs)

    return guarded


def capability_required(permission: str, *, hidden: bool = False):
    """A staff view that also needs one capability (esit/accounts/capabilities.py).

    The staff gate comes first (sign-in, staff role, second factor); then a staff
    member without the capability gets 403, the same answer for every page they
    may not use. With `hidden`, she gets 404 instead: for pages whose very existence
    is confidential (the safety channel, docs/safety.md).
    """

    def decorator(view):
        @staff_member_required
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                if hidden:
                    raise Http404
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorator
