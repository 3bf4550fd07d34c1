"""Reads for the volunteer's own space."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.safestring import SafeString

from esit.activities.selectors import hours, work

from .models import Volunteer, VolunteerLanguage


def own_profile(*, user) -> Volunteer | None:
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


@dataclass(frozen=True)
class WorkSummary:
    """What /me/ shows of the volunteer's work; a fixed four queries however much there is."""

    checkin_qr: SafeString
    upcoming_signups: list
    open_assignments: list
    by_area: list
    by_month: list
    approved_total: Decimal


def work_summary(volunteer: Volunteer) -> WorkSummary:
    by_area = hours.approved_totals_by_area(volunteer)
    return WorkSummary(
        checkin_qr=work.personal_qr_svg(volunteer),
        upcoming_signups=work.upcoming_signups(volunteer),
        open_assignments=work.open_assignments(volunteer),
        by_area=by_area,
        by_month=hours.approved_totals_by_month(volunteer),
        approved_total=hours.total_of(by_area),
    )
