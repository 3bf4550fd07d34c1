"""Helpers for the sign-up tests: shifts that are open, full, past; volunteers who came before."""

import datetime

import pytest
from django.utils import timezone

from esit.activities.models import SignUp
from tests import factories


def hours_from_now(hours: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=hours)


def make_shift(*, starts_in_hours: float = 72, length_hours: float = 3, **kwargs):
    """A shift of a published activity starting `starts_in_hours` from now."""
    starts = hours_from_now(starts_in_hours)
    activity_kwargs = {
        key.removeprefix("activity__"): kwargs.pop(key)
        for key in list(kwargs)
        if key.startswith("activity__")
    }
    activity = factories.ActivityFactory(
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=24), **activity_kwargs
    )
    return factories.ShiftFactory(
        activity=activity,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=length_hours),
        **kwargs,
    )


def fill(shift, count: int, *, status: str = "confirmed", **kwargs) -> list[SignUp]:
    """`count` other volunteers holding `status` sign-ups on the shift, oldest first."""
    return [
        factories.SignUpFactory(
            shift=shift,
            status=status,
            created_at=timezone.now() - datetime.timedelta(minutes=60 - index),
            **kwargs,
        )
        for index in range(count)
    ]


def make_returning(volunteer=None):
    """A volunteer who has attended a shift before (not a first-timer any more)."""
    volunteer = volunteer or factories.VolunteerFactory()
    past = make_shift(starts_in_hours=-100)
    factories.SignUpFactory(shift=past, volunteer=volunteer, attendance="attended")
    return volunteer


def emails_to(outbox, volunteer) -> list:
    return [message for message in outbox if message.to == [volunteer.user.email]]


@pytest.fixture
def shift(db):
    return make_shift()
