"""The demo volunteers (approved demo applicants), by a short key the other modules use."""

from esit.demo.accounts import DEMO_VOLUNTEER_EMAIL
from esit.volunteers import services
from esit.volunteers.models import Volunteer

VOLUNTEERS = {
    "elif": DEMO_VOLUNTEER_EMAIL,
    "ipek": "ipek.sahin@example.org",
    "gokce": "gokce.ozturk@example.org",
    "isil": "isil.dogan@example.org",
    "zozan": "zozan.aslan@example.org",
    "umran": "umran.guler@example.org",
    "mert": "mert.yildirim@example.org",
    "nour": "nour.haddad@example.org",
}


def demo_volunteers() -> dict[str, Volunteer]:
    by_email = {
        volunteer.user.email: volunteer
        for volunteer in Volunteer.objects.select_related("user").filter(
            user__email__in=VOLUNTEERS.values()
        )
    }
    return {key: by_email[email] for key, email in VOLUNTEERS.items()}


# A volunteer in every status: one paused by a coordinator, one whose volunteering she ended.
PAUSED_EMAIL = "sevgi.karaca@example.org"
ENDED_EMAIL = "asli.tunc@example.org"
END_REASON = "Gönüllü, iş değişikliği nedeniyle bir süre katılamayacağını bildirdi."


def seed_volunteer_statuses(*, coordinator) -> None:
    """Through the staff services, once: a second run finds them paused and ended already."""
    active = Volunteer.objects.filter(status=Volunteer.Status.ACTIVE).select_related("user")
    paused = active.filter(user__email=PAUSED_EMAIL).first()
    if paused is not None:
        services.pause_volunteer(volunteer=paused, by=coordinator)
    ended = active.filter(user__email=ENDED_EMAIL).first()
    if ended is not None:
        services.end_volunteer(volunteer=ended, by=coordinator, reason=END_REASON)
