"""Reading the staff team: every staff account with its role, scope, extra capabilities and
whether it has two factors, in a fixed number of queries."""

from typing import TYPE_CHECKING, TypedDict

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from esit.accounts.models import STAFF_ROLES, StaffScope, User
from esit.core.turkish import sort_key


class TwoFactor(TypedDict):
    two_factor: bool  # whether the account has an authenticator


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # A staff account as the team pages read it (WithAnnotations is a type only).
    StaffMember = WithAnnotations[User, TwoFactor]


def _staff() -> "QuerySet[StaffMember]":
    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=STAFF_ROLES) | Q(is_superuser=True))
        .distinct()
        .annotate(two_factor=Exists(Authenticator.objects.filter(user=OuterRef("pk"))))
        .prefetch_related(
            "groups__permissions__content_type",
            Prefetch(
                "staff_scope",
                queryset=StaffScope.objects.prefetch_related("areas", "districts"),
            ),
            "user_permissions__content_type",
        )
    )


def team() -> "list[StaffMember]":
    """Staff accounts, in Turkish alphabetical order of their names."""
    return sorted(_staff(), key=lambda user: sort_key(user.get_full_name() or user.email))


def member(pk: int) -> "StaffMember":
    """One staff account; raises DoesNotExist for anyone who is not staff."""
    return _staff().get(pk=pk)
