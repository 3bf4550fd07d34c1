"""Reads for the volunteer's own space and for staff managing volunteers."""

import datetime
import decimal
from typing import TYPE_CHECKING, TypedDict, cast

from django.db.models import Prefetch, QuerySet

from esit.accounts.models import User
from esit.accounts.scope import scope_of

from .directory import measures as directory_measures
from .models import Volunteer, VolunteerLanguage


class Measured(TypedDict):
    """The work measures (esit/volunteers/directory.py) as the directory annotates them."""

    has_attended: bool
    last_active_on: datetime.date | None
    approved_hours: decimal.Decimal


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # A type only: WithAnnotations takes its model and fields in type checking, not at run time.
    MeasuredVolunteer = WithAnnotations[Volunteer, Measured]


# What a list that names volunteers never shows: her phone and birth date, encrypted at rest
# and decrypted as each row loads (two decryptions a row), their lookup hash and her search key.
NOT_LISTED = ("phone", "phone_hash", "birth_date", "search_text")


def not_listed(via: str = "") -> tuple[str, ...]:
    """`NOT_LISTED` for `defer()`, reached through `via` ("author__volunteer__")."""
    return tuple(f"{via}{name}" for name in NOT_LISTED)


def own_profile(*, user: User) -> Volunteer | None:
    """The signed-in person's volunteer profile with everything /me/ shows, in fixed queries.

    The profile is attached to `user`, so the page layout asking `user.volunteer`
    costs nothing more.
    """
    volunteer = (
        Volunteer.objects.select_related("district")
        .prefetch_related(
            "areas",
            Prefetch(
                "languages",
                queryset=VolunteerLanguage.objects.select_related("language").order_by(
                    "language__position", "language__name_tr"
                ),
            ),
        )
        .filter(user=user)
        .first()
    )
    if volunteer is not None:
        volunteer.user = user  # sets both sides of the one-to-one cache
    return volunteer


def own_volunteer(*, user: User) -> Volunteer | None:
    """The signed-in person's volunteer profile alone (with her district), for an action that
    reads what else it needs itself, such as a shift sign-up: /me/'s areas and languages
    would be two queries nobody reads."""
    volunteer = Volunteer.objects.select_related("district").filter(user=user).first()
    if volunteer is not None:
        volunteer.user = user  # sets both sides of the one-to-one cache
    return volunteer


def in_programme(*, user: User | None) -> bool:
    """Whether this account takes part in the programme's internal spaces (the network, the
    volunteers-only library): staff, and volunteers who have not left (active or paused, the
    `Volunteer.in_programme` notion). A withdrawn or ended volunteer gets the same answer as an
    account without a profile: her account may stay open for KVKK requests, not for the
    programme's internal spaces."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff_member:
        return True
    # Her profile is read (without what lists never read) and kept on the account for the
    # request, so the page layout asking `user.volunteer` costs nothing more; one the request
    # read already is used.
    profile = Volunteer.user.field.remote_field
    volunteer: Volunteer | None
    if profile.is_cached(user):
        volunteer = cast("Volunteer | None", profile.get_cached_value(user))
    else:
        volunteer = Volunteer.objects.defer(*NOT_LISTED).filter(user=user).first()
        if volunteer is None:
            profile.set_cached_value(user, None)
        else:
            volunteer.user = user  # both sides of the one-to-one
    return volunteer is not None and volunteer.status in (
        Volunteer.Status.ACTIVE,
        Volunteer.Status.PAUSED,
    )


# The capability of managing volunteers (esit/accounts/capabilities.py).
MANAGE = "volunteers.manage_volunteers"


def visible_to(user: User) -> QuerySet[Volunteer]:
    """The volunteers a staff member may see: those of their scope (esit/accounts/scope.py),
    by the volunteer's areas and district. Every staff page about volunteers starts here, so
    the list, its search, its export and a profile opened by id agree."""
    return scope_of(user).filter(Volunteer.objects.all(), areas="areas", district="district")


def _languages() -> Prefetch[str, QuerySet[VolunteerLanguage], str]:
    return Prefetch(
        "languages",
        queryset=VolunteerLanguage.objects.select_related("language").order_by(
            "language__position", "language__name_tr"
        ),
    )


def directory(*, user: User) -> QuerySet[Volunteer]:
    """The staff list of volunteers, with what each row shows prefetched (fixed queries).

    The directory's filters (esit/volunteers/filters.py) add the work measures
    (esit/volunteers/directory.py), narrow and order this queryset.
    """
    return (
        visible_to(user).select_related("district", "user").prefetch_related("areas", _languages())
    )


def volunteer_for_staff(pk: int, *, user: User) -> "MeasuredVolunteer":
    """One volunteer with what her staff page shows; raises Volunteer.DoesNotExist, also for
    one outside the staff member's scope."""
    measures = directory_measures()
    return (
        directory(user=user)
        .select_related("application")
        .annotate(
            has_attended=measures.attended(),
            last_active_on=measures.last_active_on(),
            approved_hours=measures.approved_hours(None, None),
        )
        .get(pk=pk)
    )
