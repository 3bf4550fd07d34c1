"""A coordinator adding someone from the roster races volunteers signing up themselves: the same
locks decide, so the last place is given once and everybody else waits (docs/activities.md)."""

import pytest

from esit.activities.models import SignUp
from esit.activities.services.signups import sign_up
from tests import factories
from tests.activities.signups.conftest import fill, make_shift
from tests.activities.signups.test_concurrency import at_once

pytestmark = pytest.mark.usefixtures("live_db")


def test_a_coordinator_and_volunteers_racing_for_the_last_place_never_overbook():
    shift = make_shift(capacity=3)
    fill(shift, 2)
    coordinator = factories.StaffFactory(role="coordinator")
    added = factories.VolunteerFactory()
    volunteers = [factories.VolunteerFactory() for _ in range(5)]

    calls = [lambda: sign_up(volunteer=added, shift=shift, by=coordinator)]
    calls += [lambda v=volunteer: sign_up(volunteer=v, shift=shift) for volunteer in volunteers]
    results, errors = at_once(calls)

    assert errors == []
    assert sorted(result.status for result in results).count("confirmed") == 1
    assert SignUp.objects.filter(shift=shift, status="confirmed").count() == 3
    assert SignUp.objects.filter(shift=shift, status="waitlisted").count() == 5
