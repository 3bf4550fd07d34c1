import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group


@pytest.fixture
def staff_without_two_factor(coordinator_without_two_factor):
    """A coordinator with no authenticator at all.

    `StaffFactory(two_factor=False)` still activates TOTP (its Params never reach
    `_create`), so the authenticator is removed here to make the precondition explicit.
    """
    Authenticator.objects.filter(user=coordinator_without_two_factor).delete()
    return coordinator_without_two_factor


@pytest.fixture
def real_administrator(administrator):
    """`StaffFactory(role="administrator")` yields a coordinator for the same reason."""
    administrator.groups.set([Group.objects.get(name="administrator")])
    return administrator
