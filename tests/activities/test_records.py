"""A volunteer's record follows her attendance and approved hours however they change, and
matching ranks the same with records as by counting (esit/activities/services/records.py)."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.activities.models import HoursEntry, SignUp, VolunteerRecord
from esit.activities.services import records
from esit.activities.services.attendance import check_in, mark_no_shows
from esit.activities.services.hours import approve_hours, reject_hours
from esit.matching import selectors
from tests import factories
from tests.activities.signups.conftest import fill
from tests.activities.signups.conftest import make_shift as make_timed_shift
from tests.matching.conftest import candidate, make_shift, past_shift

pytestmark = pytest.mark.django_db


def record_of(volunteer) -> VolunteerRecord:
    return VolunteerRecord.objects.get(volunteer=volunteer)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def test_checking_in_and_marking_no_shows_count_in_her_record(coordinator):
    shift = make_timed_shift(starts_in_hours=-3, length_hours=2)
    came, absent = fill(shift, 2)
    check_in(shift=shift, code=came.volunteer.checkin_code, by=coordinator)
    assert (record_of(came.volunteer).attended, record_of(came.volunteer).decided) == (1, 1)

    # Marked in one UPDATE, past the save receivers: the service rebuilds them itself.
    assert mark_no_shows(shift=shift, by=coordinator) == 1
    assert (record_of(absent.volunteer).attended, record_of(absent.volunteer).decided) == (0, 1)

    # A coordinator corrects a no-show at the check-in.
    check_in(shift=shift, code=absent.volunteer.checkin_code, by=coordinator)
    assert (record_of(absent.volunteer).attended, record_of(absent.volunteer).decided) == (1, 1)


def test_a_sign_up_without_attendance_writes_no_record(volunteer):
    factories.SignUpFactory(volunteer=volunteer)
    assert not VolunteerRecord.objects.filter(volunteer=volunteer).exists()


def test_deleting_a_decided_sign_up_takes_it_out_of_her_record(volunteer):
    kept, gone = (
        factories.SignUpFactory(volunteer=volunteer, attendance=SignUp.Attendance.ATTENDED)
        for _ in range(2)
    )
    assert record_of(volunteer).attended == 2
    SignUp.objects.get(pk=gone.pk).delete()
    assert (record_of(volunteer).attended, record_of(volunteer).decided) == (1, 1)
    kept.shift.delete()  # a cascade from the shift
    assert (record_of(volunteer).attended, record_of(volunteer).decided) == (0, 0)


def test_only_approved_hours_of_the_window_are_her_recent_hours(volunteer, coordinator):
    entry = factories.HoursEntryFactory(volunteer=volunteer, hours=Decimal("3"), date=days_ago(10))
    assert not VolunteerRecord.objects.filter(volunteer=volunteer).exists()  # pending
    approve_hours(entries=[entry], by=coordinator)
    factories.HoursEntryFactory(
        volunteer=volunteer, status="approved", hours=Decimal("5"), date=days_ago(200)
    )
    record = record_of(volunteer)
    assert record.recent_hours == Decimal("3")
    assert record.recent_days == 90
    # The sum holds until its oldest entry leaves the window.
    assert record.recent_until == days_ago(10) + datetime.timedelta(days=90)

    entry = HoursEntry.objects.get(pk=entry.pk)
    entry.hours = Decimal("4.5")
    entry.save()
    assert record_of(volunteer).recent_hours == Decimal("4.5")
    entry.delete()
    assert record_of(volunteer).recent_hours == 0
    assert record_of(volunteer).recent_until == records.FOREVER


def test_rejected_hours_never_count(volunteer, coordinator):
    entry = factories.HoursEntryFactory(volunteer=volunteer, hours=Decimal("3"), date=days_ago(1))
    reject_hours(entries=[entry], by=coordinator, comment="Bu gün etkinlik yoktu.")
    assert not VolunteerRecord.objects.filter(volunteer=volunteer, recent_hours__gt=0).exists()


def test_the_daily_refresh_rebuilds_every_record(volunteer):
    factories.SignUpFactory(volunteer=volunteer, attendance=SignUp.Attendance.NO_SHOW)
    VolunteerRecord.objects.filter(volunteer=volunteer).update(attended=9, decided=9)
    other = factories.VolunteerFactory()
    call_command("refresh_records", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (record_of(volunteer).attended, record_of(volunteer).decided) == (0, 1)
    assert (record_of(other).attended, record_of(other).decided) == (0, 0)


def _ranking(shift) -> list[tuple[int, int, list[tuple[str, int, str]]]]:
    return [
        (m.volunteer.pk, m.score, [(r.key, r.points, r.text) for r in m.reasons])
        for m in selectors.ranked(selectors.work_of(shift), user=None, limit=100)
    ]


def test_matching_ranks_the_same_from_records_as_by_counting():
    shift = make_shift()
    past = past_shift()
    for index, (attended, no_shows, hours) in enumerate(
        [(3, 0, [2]), (1, 1, [12, 9]), (0, 2, []), (0, 0, [12, 12]), (2, 1, [1, 1, 1])]
    ):
        volunteer = candidate(last_name=f"Kaya{index}")
        for attendance, count in [("attended", attended), ("no_show", no_shows)]:
            for _ in range(count):
                factories.SignUpFactory(volunteer=volunteer, shift=past, attendance=attendance)
                past = past_shift()
        for value in hours:
            factories.HoursEntryFactory(
                volunteer=volunteer, status="approved", hours=Decimal(value), date=days_ago(5)
            )
    candidate(last_name="Yeni")  # no record at all
    from_records = _ranking(shift)
    assert VolunteerRecord.objects.count() == 5

    VolunteerRecord.objects.all().delete()
    assert _ranking(shift) == from_records


def test_recent_hours_past_their_last_day_are_counted_instead():
    shift = make_shift()
    mine = candidate(last_name="Öztürk")
    factories.HoursEntryFactory(
        volunteer=mine, status="approved", hours=Decimal("12"), date=days_ago(5)
    )
    counted = _ranking(shift)
    # Twelve recent hours: not the full fair share a record of none would give.
    assert ("fair_share", 6) in [(key, points) for key, points, _text in counted[0][2]]
    # A record whose window has passed (the daily run missed a day) says something wrong:
    # it is not believed.
    VolunteerRecord.objects.filter(volunteer=mine).update(
        recent_hours=Decimal("0"), recent_until=days_ago(1)
    )
    assert _ranking(shift) == counted
    # Nor one counted over another window than the setting's.
    VolunteerRecord.objects.filter(volunteer=mine).update(
        recent_until=records.FOREVER, recent_days=30
    )
    assert _ranking(shift) == counted


def test_approving_a_page_of_hours_rebuilds_each_record_once_at_the_end(coordinator):
    first, second = factories.VolunteerFactory(), factories.VolunteerFactory()
    entries = [
        factories.HoursEntryFactory(volunteer=volunteer, hours=Decimal(2), date=days_ago(3))
        for volunteer in (first, first, second)
    ]
    with CaptureQueriesContext(connection) as queries:
        result = approve_hours(entries=entries, by=coordinator)
    assert len(result.done) == 3
    assert record_of(first).recent_hours == Decimal(4)
    assert record_of(second).recent_hours == Decimal(2)
    # Created, locked and written once for both, not once per entry.
    touching = [q for q in queries.captured_queries if "activities_volunteerrecord" in q["sql"]]
    assert len(touching) == 3
