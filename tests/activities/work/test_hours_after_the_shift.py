"""Hours from attendance are approved only once their shift has ended: check-in opens two hours
before the start, and hours approved (then certified) for a shift that has not happened yet
would certify work nobody has done (docs/activities.md)."""

import pytest

from esit.activities.models import HoursEntry
from esit.activities.services.attendance import check_in
from esit.activities.services.certificates import issue_certificate
from esit.activities.services.errors import ActivityError
from esit.activities.services.hours import approve_hours, reject_hours
from tests import factories
from tests.activities.signups.conftest import make_shift


def checked_in_hours(shift, coordinator) -> HoursEntry:
    signup = factories.SignUpFactory(shift=shift)
    check_in(shift=shift, code=signup.volunteer.checkin_code, by=coordinator)
    return HoursEntry.objects.get(signup=signup)


@pytest.fixture
def running_shift(db):
    return make_shift(starts_in_hours=-0.5, length_hours=3)


def test_attendance_hours_of_a_running_shift_are_not_approved(coordinator, running_shift):
    entry = checked_in_hours(running_shift, coordinator)

    result = approve_hours(entries=[entry], by=coordinator)

    assert result.done == []
    ((skipped, reason),) = result.skipped
    assert skipped.pk == entry.pk
    assert "Vardiya henüz bitmedi" in reason
    assert "vardiya bittikten sonra onaylanabilir" in reason
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.PENDING


def test_hours_checked_in_before_the_start_give_no_certificate(coordinator):
    upcoming = make_shift(starts_in_hours=1, length_hours=2)
    entry = checked_in_hours(upcoming, coordinator)

    approve_hours(entries=[entry], by=coordinator)

    with pytest.raises(ActivityError, match="onaylanmış gönüllülük saatiniz yok"):
        issue_certificate(volunteer=entry.volunteer)


def test_attendance_hours_are_approved_once_the_shift_has_ended(coordinator):
    ended = make_shift(starts_in_hours=-4, length_hours=3)
    entry = checked_in_hours(ended, coordinator)

    result = approve_hours(entries=[entry], by=coordinator)

    assert [done.pk for done in result.done] == [entry.pk]
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.APPROVED


def test_attendance_hours_of_a_running_shift_can_still_be_rejected(coordinator, running_shift):
    entry = checked_in_hours(running_shift, coordinator)

    result = reject_hours(entries=[entry], by=coordinator, comment="Yanlış kişi okutuldu.")

    assert [done.pk for done in result.done] == [entry.pk]


def test_bulk_approval_approves_the_rest_and_skips_the_running_shift(coordinator, running_shift):
    early = checked_in_hours(running_shift, coordinator)
    reported = factories.HoursEntryFactory()

    result = approve_hours(entries=[early, reported], by=coordinator)

    assert [done.pk for done in result.done] == [reported.pk]
    assert [entry.pk for entry, _reason in result.skipped] == [early.pk]


def test_queue_shows_hours_of_a_running_shift_as_not_yet_approvable(
    coordinator_client, coordinator, running_shift
):
    checked_in_hours(running_shift, coordinator)
    factories.HoursEntryFactory(description="Evde yapılan çeviri")

    page = coordinator_client.get("/staff/hours/").content.decode()

    assert page.count("not-yet-approvable") == 1
    assert "Henüz onaylanamaz; vardiyanın bitişi:" in page


def test_queue_says_why_the_running_shifts_hours_were_skipped(
    coordinator_client, coordinator, running_shift
):
    entry = checked_in_hours(running_shift, coordinator)

    response = coordinator_client.post(
        "/staff/hours/review/", {"entries": [entry.pk], "decision": "approve"}, follow=True
    )

    page = response.content.decode()
    assert "0 kayıt onaylandı." in page
    assert "1 kayıt atlandı" in page
    assert "Vardiya henüz bitmedi" in page
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.PENDING
