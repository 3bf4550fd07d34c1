"""Reading applications for the staff review workspace.

Every selector returns a planned queryset: the list page runs the same number
of queries for three applications as for twenty thousand (docs/product.md, "Quality bars").
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from esit.accounts.models import User
from esit.accounts.scope import scope_of
from esit.volunteers.models import Volunteer

from .models import Application, ApplicationLanguage, Decision, Note, age_on


class AgeGroup:
    """The age bands the programme reports on; ages are counted in İzmir (Europe/Istanbul)."""

    BANDS: dict[str, tuple[int, int | None]] = {
        "18-24": (18, 24),
        "25-34": (25, 34),
        "35-44": (35, 44),
        "45-54": (45, 54),
        "55-64": (55, 64),
        "65+": (65, None),
    }

    @classmethod
    def choices(cls) -> list[tuple[str, StrOrPromise]]:
        return [
            (key, f"{low}–{high}" if high is not None else _("%(age)s ve üzeri") % {"age": low})
            for key, (low, high) in cls.BANDS.items()
        ]


def age_today(birth_date: datetime.date) -> int:
    """Age in whole years on today's date in İzmir."""
    return age_on(birth_date, timezone.localdate())


def birth_year_range(age_group: str, *, today: datetime.date) -> dict[str, int]:
    """Lookups on birth_year for people whose age this year falls in the band.

    The exact birth date is encrypted at rest (esit/core/encryption.py), so the database
    bands people by the age they reach this calendar year: the clear `birth_year` column,
    an index rather than a computed age.
    """
    low, high = AgeGroup.BANDS[age_group]
    lookups = {"birth_year__lte": today.year - low}
    if high is not None:
        lookups["birth_year__gte"] = today.year - high
    return lookups


def in_programme(user: User) -> bool:
    """A staff member or a volunteer still in the programme (active or paused): someone who
    needs no application."""
    return user.is_staff_member or (
        Volunteer.objects.filter(user=user).exclude(status=Volunteer.Status.WITHDRAWN).exists()
    )


class Rejoining(TypedDict):
    rejoining: bool


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # An application as the review pages read it, with `rejoining` annotated (a type only:
    # WithAnnotations takes its model and fields in type checking, not at run time).
    ReviewedApplication = WithAnnotations[Application, Rejoining]


def rejoining() -> Exists:
    """Annotation: the application's e-mail is the account of a volunteer who left.

    Approving it reactivates her account and profile without copying the application's
    details over it (approve_application), which staff must know before they decide.
    """
    return Exists(_former_volunteers().filter(user__email=OuterRef("email")))


def _former_volunteers() -> QuerySet[Volunteer]:
    """Whose e-mail makes an application "rejoining": the annotation for one application, and
    `with_rejoining` for a page of them."""
    return Volunteer.objects.filter(status=Volunteer.Status.WITHDRAWN)


def with_rejoining(applications: Iterable[Application]) -> "list[ReviewedApplication]":
    """A page of the queue with `rejoining` set, in one query over its e-mail addresses. As an
    annotation of the whole queue PostgreSQL hashed every account that ever left, before the
    page's 25 rows were chosen (32 ms of the searched queue's 53 at 1.0)."""
    page = list(applications)
    left = set(
        _former_volunteers()
        .filter(user__email__in={a.email for a in page})
        .values_list("user__email", flat=True)
    )
    for application in page:
        application.rejoining = application.email in left  # type: ignore[attr-defined]
    return page  # type: ignore[return-value]


# The capability of reviewing applications (esit/accounts/capabilities.py).
REVIEW = "applications.review_applications"


def visible_to(user: User) -> QuerySet[Application]:
    """The applications a staff member may see: those of their scope (esit/accounts/scope.py).

    Every staff page about applications starts here, so a list, a count, a search and a
    page opened by id agree.
    """
    return scope_of(user).filter(Application.objects.all(), areas="areas", district="district")


def review_queue(*, user: User) -> QuerySet[Application]:
    """Applications for the staff queue, newest first, with what the list shows prefetched;
    a page of it is marked `with_rejoining`.

    The queue's filters (esit/applications/filters.py) narrow this queryset.
    """
    return (
        visible_to(user)
        .select_related("district")
        .prefetch_related(
            "areas",
            Prefetch(
                "languages",
                queryset=ApplicationLanguage.objects.select_related("language"),
            ),
        )
        .order_by("-submitted_at", "-id")
    )


def application_detail(pk: int, *, user: User) -> "ReviewedApplication":
    """One application with everything the review page shows; raises Application.DoesNotExist,
    also for one outside the staff member's scope."""
    return (
        visible_to(user)
        .select_related("district", "user", "consent__notice", "consent__information_notice")
        .annotate(rejoining=rejoining())
        .prefetch_related(
            "areas",
            Prefetch(
                "languages",
                queryset=ApplicationLanguage.objects.select_related("language"),
            ),
            Prefetch("notes", queryset=Note.objects.select_related("author")),
            Prefetch("decisions", queryset=Decision.objects.select_related("decided_by")),
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: StrOrPromise
    count: int


def status_counts(*, user: User) -> list[StatusCount]:
    """How many applications of the staff member's scope are in each status (zero included)."""
    counted = dict(
        visible_to(user)
        .order_by()
        .values("status")
        .annotate(count=Count("id"))
        .values_list("status", "count")
    )
    return [
        StatusCount(status=value, label=label, count=counted.get(value, 0))
        for value, label in Application.Status.choices
    ]


OLDEST_SHOWN = 5


def oldest_waiting(*, user: User, limit: int = OLDEST_SHOWN) -> list[Application]:
    """The applications of the staff member's scope waiting longest for a first decision."""
    return list(
        visible_to(user)
        .filter(status=Application.Status.SUBMITTED)
        .select_related("district")
        .order_by("submitted_at", "id")[:limit]
    )
