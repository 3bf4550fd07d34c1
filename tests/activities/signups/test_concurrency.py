"""Many people press "sign up" at the same moment: the shift never takes more than its capacity,
and one volunteer can never end up confirmed for two overlapping shifts (locks, not ifs)."""

import threading

import pytest
from django.db import connection

from esit.activities.models import SignUp
from esit.activities.services.errors import ActivityError
from esit.activities.services.signups import cancel_sign_up, sign_up
from tests import factories
from tests.activities.signups.conftest import fill, make_shift

pytestmark = pytest.mark.usefixtures("live_db")

THREADS = 12


def at_once(calls):
    """Run every call in its own thread, released together; return results and surprises."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def worker(call):
        try:
            barrier.wait()
            results.append(call())
        except ActivityError as refused:
            results.append(refused)
        except Exception as error:  # any other error fails the test below
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection; leave none open

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_twelve_volunteers_racing_for_the_last_three_places_never_overbook():
    shift = make_shift(capacity=10)
    fill(shift, 7)
    volunteers = [factories.VolunteerFactory() for _ in range(THREADS)]

    results, errors = at_once(
        [lambda v=volunteer: sign_up(volunteer=v, shift=shift) for volunteer in volunteers]
    )

    assert errors == []
    statuses = sorted(result.status for result in results)
    assert statuses.count("confirmed") == 3
    assert statuses.count("waitlisted") == THREADS - 3
    assert SignUp.objects.filter(shift=shift, status="confirmed").count() == 10


def test_one_volunteer_racing_for_two_overlapping_shifts_is_confirmed_once(volunteer):
    first = make_shift(starts_in_hours=48)
    second = make_shift(starts_in_hours=49)

    results, errors = at_once(
        [
            lambda: sign_up(volunteer=volunteer, shift=first),
            lambda: sign_up(volunteer=volunteer, shift=second),
        ]
    )

    assert errors == []
    assert SignUp.objects.filter(volunteer=volunteer, status="confirmed").count() == 1
    assert sum(isinstance(result, ActivityError) for result in results) == 1


def test_double_click_on_sign_up_keeps_one_sign_up(volunteer, shift):
    results, errors = at_once([lambda: sign_up(volunteer=volunteer, shift=shift)] * 4)

    assert errors == []
    assert sum(isinstance(result, ActivityError) for result in results) == 3
    assert SignUp.objects.filter(volunteer=volunteer, shift=shift).count() == 1


def test_a_cancellation_racing_new_sign_ups_never_overbooks():
    shift = make_shift(capacity=2)
    leaving, _staying = fill(shift, 2)
    fill(shift, 2, status="waitlisted")
    newcomers = [factories.VolunteerFactory() for _ in range(5)]

    _results, errors = at_once(
        [lambda: cancel_sign_up(signup=leaving)]
        + [lambda v=volunteer: sign_up(volunteer=v, shift=shift) for volunteer in newcomers]
    )

    assert errors == []
    assert SignUp.objects.filter(shift=shift, status="confirmed").count() == 2
