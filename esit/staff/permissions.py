"""Who may use the staff workspace.

StaffTwoFactorMiddleware already guards every /staff/ address (sign-in, role,
two factors); each view also declares its permission so that moving a URL
can never open it to everyone.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def staff_member_required(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_staff_member:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
