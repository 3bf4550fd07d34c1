"""How activities reacts to what lower apps announce (their signals, connected in
`ActivitiesConfig.ready()`); each receiver calls one service."""

from esit.volunteers.models import Volunteer

from .services import signups, work


def release_shifts_of_volunteer_who_left(sender, *, volunteer_id: int, **kwargs) -> int:
    """`volunteer_left`: the places she held in shifts to come go to the waitlists."""
    return signups.release_volunteer(volunteer=Volunteer(pk=volunteer_id))


def release_tasks_of_volunteer_who_left(sender, *, volunteer_id: int, **kwargs) -> int:
    """`volunteer_left`: the tasks she claimed and had not delivered are free for others."""
    return work.release_volunteer(volunteer=Volunteer(pk=volunteer_id))
