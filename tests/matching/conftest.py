"""Shared data for matching: a morning-and-afternoon workshop shift in Konak, and volunteers."""

import datetime

import pytest
from django.utils import timezone

from esit.matching import selectors
from esit.reference import availability
from tests import factories

# Monday–Sunday, every part of the day.
EVERY_SLOT = availability.ALL


def next_weekday(weekday: int, hour: int) -> datetime.datetime:
    """The next given weekday (0 = Monday) at least 3 days away, at `hour` in İzmir."""
    day = timezone.localdate() + datetime.timedelta(days=3)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def make_shift(*, district="konak", areas=("workshops",), start_hour=10, hours=3, **shift):
    starts = next_weekday(2, start_hour)  # a Wednesday
    activity = factories.ActivityFactory(
        district=factories.district(district),
        areas=[factories.area(slug) for slug in areas],
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=8),
    )
    return factories.ShiftFactory(
        activity=activity,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=hours),
        **shift,
    )


def past_shift():
    """A shift a month ago, for an attendance record."""
    starts = timezone.now() - datetime.timedelta(days=30)
    activity = factories.ActivityFactory(
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=4)
    )
    return factories.ShiftFactory(activity=activity, starts_at=starts)


def candidate(
    first_name="Deniz",
    last_name="Aydın",
    *,
    district="konak",
    areas=("workshops",),
    week=EVERY_SLOT,
    **fields,
):
    user = factories.UserFactory(first_name=first_name, last_name=last_name)
    return factories.VolunteerFactory(
        user=user,
        district=factories.district(district),
        areas=[factories.area(slug) for slug in areas],
        availability=week,
        **fields,
    )


def ranked_ids(target, *, user=None, **kwargs) -> list[int]:
    return [
        m.volunteer.pk for m in selectors.ranked(selectors.work_of(target), user=user, **kwargs)
    ]


def match_of(target, volunteer, *, user=None):
    for match in selectors.ranked(selectors.work_of(target), user=user, limit=1000):
        if match.volunteer.pk == volunteer.pk:
            return match
    return None


@pytest.fixture
def shift(db):
    return make_shift()
