"""Check-in by the volunteer's code: attendance, one pending hours entry, clear refusals."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from esit.activities.models import HoursEntry, SignUp
from esit.activities.services.attendance import check_in, mark_no_shows
from esit.activities.services.errors import ActivityError
from tests import factories
from tests.activities.signups.conftest import fill, make_shift


@pytest.fixture
def running_shift(db):
    return make_shift(starts_in_hours=-0.5, length_hours=2.5)


@pytest.fixture
def confirmed(volunteer, running_shift):
    return factories.SignUpFactory(volunteer=volunteer, shift=running_shift)


def test_check_in_marks_the_volunteer_as_attended(confirmed, coordinator):
    check_in(shift=confirmed.shift, code=confirmed.volunteer.checkin_code, by=coordinator)

    confirmed.refresh_from_db()
    assert confirmed.attendance == SignUp.Attendance.ATTENDED
    assert confirmed.checked_in_by == coordinator
    assert confirmed.checked_in_at is not None


def test_code_is_read_without_case_or_spaces(confirmed, coordinator):
    code = confirmed.volunteer.checkin_code
    typed = f" {code[:3].lower()} {code[3:].lower()} "

    signup = check_in(shift=confirmed.shift, code=typed, by=coordinator)

    assert signup.pk == confirmed.pk


def test_attendance_creates_one_pending_hours_entry(confirmed, coordinator):
    check_in(shift=confirmed.shift, code=confirmed.volunteer.checkin_code, by=coordinator)

    entry = HoursEntry.objects.get(signup=confirmed)
    shift = confirmed.shift
    assert entry.status == HoursEntry.Status.PENDING
    assert entry.source == HoursEntry.Source.ATTENDANCE
    assert entry.volunteer == confirmed.volunteer
    assert entry.activity == shift.activity
    assert entry.area == factories.area("workshops")
    assert entry.date == timezone.localdate(shift.starts_at)
    assert entry.hours == Decimal("2.50")


def test_hours_are_rounded_to_two_decimals(volunteer, coordinator):
    starts = timezone.now() - datetime.timedelta(minutes=10)
    shift = factories.ShiftFactory(
        activity=make_shift().activity,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=100),
    )
    factories.SignUpFactory(volunteer=volunteer, shift=shift)

    check_in(shift=shift, code=volunteer.checkin_code, by=coordinator)

    assert HoursEntry.objects.get(volunteer=volunteer).hours == Decimal("1.67")


def test_activity_without_areas_gives_hours_without_an_area(volunteer, coordinator):
    shift = make_shift(starts_in_hours=-1, activity__areas=[])
    factories.SignUpFactory(volunteer=volunteer, shift=shift)

    check_in(shift=shift, code=volunteer.checkin_code, by=coordinator)

    assert HoursEntry.objects.get(volunteer=volunteer).area is None


def test_checking_in_twice_is_harmless(confirmed, coordinator):
    code = confirmed.volunteer.checkin_code
    first = check_in(shift=confirmed.shift, code=code, by=coordinator)
    second = check_in(shift=confirmed.shift, code=code, by=coordinator)

    assert first.pk == second.pk
    assert HoursEntry.objects.filter(volunteer=confirmed.volunteer).count() == 1


def test_unknown_code_is_refused(running_shift, coordinator):
    with pytest.raises(ActivityError, match="hiçbir gönüllüye ait değil") as refused:
        check_in(shift=running_shift, code="NOPE123", by=coordinator)
    assert refused.value.field == "code"


def test_empty_code_is_refused(running_shift, coordinator):
    with pytest.raises(ActivityError, match="okutun ya da yazın"):
        check_in(shift=running_shift, code="   ", by=coordinator)


def test_volunteer_without_a_confirmed_sign_up_is_refused(running_shift, volunteer, coordinator):
    factories.SignUpFactory(volunteer=volunteer, shift=running_shift, status="waitlisted")

    with pytest.raises(ActivityError, match="onaylı kayıtlı değil"):
        check_in(shift=running_shift, code=volunteer.checkin_code, by=coordinator)
    assert not HoursEntry.objects.exists()


def test_check_in_does_not_open_long_before_the_shift(volunteer, coordinator):
    shift = make_shift(starts_in_hours=5)
    factories.SignUpFactory(volunteer=volunteer, shift=shift)

    with pytest.raises(ActivityError, match="iki saat önce"):
        check_in(shift=shift, code=volunteer.checkin_code, by=coordinator)
    assert not HoursEntry.objects.exists()


def test_check_in_opens_shortly_before_the_shift(volunteer, coordinator):
    shift = make_shift(starts_in_hours=1)
    factories.SignUpFactory(volunteer=volunteer, shift=shift)

    assert check_in(shift=shift, code=volunteer.checkin_code, by=coordinator).attendance == (
        "attended"
    )


def test_a_no_show_can_still_be_checked_in_later(confirmed, coordinator):
    confirmed.attendance = "no_show"
    confirmed.save()

    check_in(shift=confirmed.shift, code=confirmed.volunteer.checkin_code, by=coordinator)

    confirmed.refresh_from_db()
    assert confirmed.attendance == SignUp.Attendance.ATTENDED
    assert HoursEntry.objects.filter(signup=confirmed).count() == 1


# No-shows -------------------------------------------------------------------------------------


def test_the_rest_are_marked_as_no_shows_after_the_shift(coordinator):
    shift = make_shift(starts_in_hours=-5, length_hours=3)
    came, missed = fill(shift, 2)
    (waiting,) = fill(shift, 1, status="waitlisted")
    came.attendance = "attended"
    came.save()

    assert mark_no_shows(shift=shift, by=coordinator) == 1

    came.refresh_from_db()
    missed.refresh_from_db()
    waiting.refresh_from_db()
    assert (came.attendance, missed.attendance, waiting.attendance) == (
        "attended",
        "no_show",
        "unknown",
    )


def test_no_shows_cannot_be_marked_before_the_shift_ends(confirmed, coordinator):
    with pytest.raises(ActivityError, match="bittikten sonra"):
        mark_no_shows(shift=confirmed.shift, by=coordinator)
    confirmed.refresh_from_db()
    assert confirmed.attendance == SignUp.Attendance.UNKNOWN


@pytest.mark.parametrize(
    ("status", "said"), [("paused", "duraklatıldı"), ("withdrawn", "programdan ayrıldı")]
)
def test_a_volunteer_who_is_not_active_is_not_checked_in_and_told_why(
    confirmed, coordinator, status, said
):
    type(confirmed.volunteer).objects.filter(pk=confirmed.volunteer_id).update(status=status)

    with pytest.raises(ActivityError, match=said):
        check_in(shift=confirmed.shift, code=confirmed.volunteer.checkin_code, by=coordinator)
    confirmed.refresh_from_db()
    assert confirmed.attendance != SignUp.Attendance.ATTENDED
