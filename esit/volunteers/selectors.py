"""Reads for the volunteer's own space."""

from django.db.models import Prefetch

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
