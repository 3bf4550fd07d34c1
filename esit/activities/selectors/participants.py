"""Reads for the staff list of an activity's public participants: in two queries, always.

The list holds contact details (e-mail, phone), so only staff pages may use it.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Case, F, IntegerField, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber

from esit.accounts.models import User

from ..models import Activity, Participant
from .scope import visible_activities, within


@dataclass
class ParticipantList:
    activity: Activity
    confirmed: list[Participant] = field(default_factory=list)
    waitlisted: list[Participant] = field(default_factory=list)  # in the order places go
    cancelled: list[Participant] = field(default_factory=list)

    @property
    def everyone(self) -> list[Participant]:
        return [*self.confirmed, *self.waitlisted, *self.cancelled]


class PlaceInLine(TypedDict):
    group: int  # confirmed, waitlisted, cancelled: the order of the list
    place: int  # among the rows of its activity and status, oldest registration first


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # Types only: WithAnnotations takes its model and fields in type checking, not at run time.
    ExportedParticipant = WithAnnotations[Participant, PlaceInLine]


# Keyed by the status's value, which is what a row's `status` holds.
_GROUP: dict[str, str] = {
    Participant.Status.CONFIRMED: "confirmed",
    Participant.Status.WAITLISTED: "waitlisted",
    Participant.Status.CANCELLED: "cancelled",
}


def participant_list(*, user: User, activity_id: int) -> ParticipantList | None:
    """An activity and its participants by status, oldest registration first (the waitlist's
    order); None for an activity unknown or outside the user's scope."""
    activity = (
        visible_activities(user).select_related("kind", "district").filter(pk=activity_id).first()
    )
    if activity is None:
        return None
    found = ParticipantList(activity=activity)
    rows = (
        Participant.objects.filter(activity=activity)
        .select_related("attendance_recorded_by")
        .order_by("registered_at", "id")
    )
    for participant in rows:
        participant.activity = activity
        getattr(found, _GROUP[participant.status]).append(participant)
    return found


def participant_for_staff(*, user: User, participant_id: int) -> Participant | None:
    return (
        within(user, Participant.objects.all(), activity="activity")
        .select_related("activity")
        .filter(pk=participant_id)
        .first()
    )


def exported_participants(*, activities: QuerySet[Activity]) -> "QuerySet[ExportedParticipant]":
    """The participants of `activities` (a queryset the caller has already scoped to what the
    reader may see: one activity, or the staff list as its filters narrow it), activity by
    activity, latest start first, each as its list shows them: confirmed, waitlisted, then
    cancelled, oldest registration first. Each row's `place` is its place among the rows of
    its activity and status, counted by the database: a waitlisted person's place in line."""
    group = Case(
        *(When(status=status, then=Value(rank)) for rank, status in enumerate(_GROUP)),
        output_field=IntegerField(),
    )
    return (
        Participant.objects.filter(activity__in=activities.order_by().values("pk"))
        .select_related("activity")
        .annotate(
            group=group,
            place=Window(
                RowNumber(),
                partition_by=[F("activity_id"), F("status")],
                order_by=[F("registered_at").asc(), F("id").asc()],
            ),
        )
        .order_by("-activity__starts_at", "activity_id", "group", "registered_at", "id")
    )
