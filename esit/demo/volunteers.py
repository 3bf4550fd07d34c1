"""The demo volunteers (approved demo applicants), by a short key the other modules use."""

from esit.demo.accounts import DEMO_VOLUNTEER_EMAIL
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
