"""Who may use the staff workspace.

StaffTwoFactorMiddleware already guards every /staff/ address; each view also
declares the same rule (`esit.accounts.permissions.staff_gate`) so that moving
a URL can never open it to everyone.
"""

from functools import wraps

from esit.accounts.permissions import staff_gate


def staff_member_required(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        refused = staff_gate(request)
        if refused is not None:
            return refused
        return view(request, *args, **kwargs)

    return guarded
