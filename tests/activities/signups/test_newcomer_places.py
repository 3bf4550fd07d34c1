"""Newcomer places: returning volunteers may hold at most capacity - newcomer_places places;
first-time volunteers (nothing attended yet) may take any free place."""

from esit.activities.models import SignUp
from esit.activities.services.signups import is_newcomer, sign_up
from tests import factories
from tests.activities.signups.conftest import fill, make_returning, make_shift


def test_a_volunteer_who_never_attended_is_a_newcomer(volunteer):
    factories.SignUpFactory(volunteer=volunteer, attendance="no_show")

    assert is_newcomer(volunteer)


def test_a_volunteer_who_attended_once_is_returning(volunteer):
    assert not is_newcomer(make_returning(volunteer))


def test_returning_volunteer_is_waitlisted_when_only_newcomer_places_are_left(db):
    shift = make_shift(capacity=3, newcomer_places=1)
    for _ in range(2):
        sign_up(volunteer=make_returning(), shift=shift)

    signup = sign_up(volunteer=make_returning(), shift=shift)

    assert signup.status == SignUp.Status.WAITLISTED


def test_newcomer_takes_a_place_kept_for_newcomers(volunteer):
    shift = make_shift(capacity=3, newcomer_places=1)
    for _ in range(2):
        sign_up(volunteer=make_returning(), shift=shift)

    assert sign_up(volunteer=volunteer, shift=shift).status == SignUp.Status.CONFIRMED


def test_newcomers_may_fill_every_place(db):
    shift = make_shift(capacity=2, newcomer_places=1)
    statuses = [sign_up(volunteer=factories.VolunteerFactory(), shift=shift).status for _ in "ab"]

    assert statuses == ["confirmed", "confirmed"]


def test_once_newcomers_hold_their_places_returning_volunteers_fill_the_rest(db):
    shift = make_shift(capacity=3, newcomer_places=1)
    sign_up(volunteer=factories.VolunteerFactory(), shift=shift)

    first = sign_up(volunteer=make_returning(), shift=shift)
    second = sign_up(volunteer=make_returning(), shift=shift)

    assert (first.status, second.status) == ("confirmed", "confirmed")


def test_newcomer_is_still_waitlisted_when_the_shift_is_full(volunteer):
    shift = make_shift(capacity=2, newcomer_places=1)
    fill(shift, 2)

    assert sign_up(volunteer=volunteer, shift=shift).status == SignUp.Status.WAITLISTED


def test_shift_without_newcomer_places_treats_everyone_alike(db):
    shift = make_shift(capacity=1)

    assert sign_up(volunteer=make_returning(), shift=shift).status == SignUp.Status.CONFIRMED
