"""Rules the review of the activities app found missing: leaving the programme frees places,
more public places go to the waitlist, cancelling an activity stops the work on its tasks,
one certificate a day, e-mail that re-checks what it says, hours in one area, and refusals
for left volunteers, unpublished activities and coordinators approving their own hours."""

import datetime
import decimal

import pytest
from django.core import mail
from django.utils import timezone

from esit.activities.models import (
    Activity,
    Certificate,
    HoursEntry,
    Participant,
    SignUp,
    TaskAssignment,
)
from esit.activities.services import attendance, certificates, hours, planning, signups
from esit.activities.services.errors import ActivityError
from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from esit.notifications.services import Recipient
from esit.privacy.services import record_consent
from esit.reference.models import VolunteerArea
from esit.volunteers.services import withdraw_from_programme
from tests import factories
from tests.activities.signups.conftest import emails_to, fill, make_shift

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def participant(activity, status, email):
    return Participant.objects.create(
        activity=activity,
        name="Elif Şahin",
        email=email,
        status=status,
        consent=record_consent(email=email, ip="127.0.0.1", at=timezone.now()),
        registered_at=timezone.now(),
    )


# 4. Leaving the programme frees the volunteer's places --------------------------------------


def test_leaving_the_programme_frees_shift_places_and_claimed_tasks(volunteer, run_on_commit):
    full = make_shift(capacity=1)
    mine = factories.SignUpFactory(shift=full, volunteer=volunteer, status="confirmed")
    (waiting,) = fill(full, 1, status="waitlisted")
    on_waitlist = factories.SignUpFactory(
        shift=make_shift(starts_in_hours=200, capacity=0), volunteer=volunteer, status="waitlisted"
    )
    past = factories.SignUpFactory(
        shift=make_shift(starts_in_hours=-50), volunteer=volunteer, attendance="attended"
    )
    task = factories.TaskFactory(places=1, due_date=in_days(5))
    claimed = TaskAssignment.objects.create(
        task=task, volunteer=volunteer, status="claimed", claimed_at=timezone.now()
    )
    delivered = TaskAssignment.objects.create(
        task=factories.TaskFactory(due_date=in_days(5)),
        volunteer=volunteer,
        status="delivered",
        claimed_at=timezone.now(),
    )

    with run_on_commit():
        withdraw_from_programme(volunteer=volunteer)

    for row in (mine, waiting, on_waitlist, past, claimed, delivered):
        row.refresh_from_db()
    assert mine.status == on_waitlist.status == "cancelled"
    assert waiting.status == "confirmed"  # the freed place went to the waitlist
    assert past.status == "confirmed"  # history stays
    assert claimed.status == "cancelled"
    assert delivered.status == "delivered"  # still for a coordinator to review
    assert emails_to(mail.outbox, volunteer) == []  # they asked for no more e-mail
    assert emails_to(mail.outbox, waiting.volunteer)


def test_release_volunteer_ignores_the_cancellation_deadline(volunteer):
    soon = make_shift(starts_in_hours=2)  # deadline (24 h) passed
    mine = factories.SignUpFactory(shift=soon, volunteer=volunteer)

    assert signups.release_volunteer(volunteer=volunteer) == 1
    mine.refresh_from_db()
    assert mine.status == "cancelled"


# 5. More public places go to the waitlist ---------------------------------------------------


def test_raising_public_capacity_promotes_waitlisted_participants(coordinator, run_on_commit):
    activity = factories.ActivityFactory(
        public_registration=True,
        public_capacity=1,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=2),
    )
    participant(activity, "confirmed", "a@example.org")
    first = participant(activity, "waitlisted", "b@example.org")
    second = participant(activity, "waitlisted", "c@example.org")

    with run_on_commit():
        planning.update_activity(activity=activity, by=coordinator, public_capacity=2)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "confirmed"
    assert second.status == "waitlisted"
    assert [m.to for m in mail.outbox] == [["b@example.org"]]


# 6. Cancelling an activity stops the work on its tasks --------------------------------------


def test_cancelling_an_activity_cancels_task_assignments_and_tells_the_volunteers(
    coordinator, run_on_commit
):
    activity = factories.ActivityFactory()
    task = factories.TaskFactory(activity=activity, places=5, due_date=in_days(5))
    rows = {
        status: TaskAssignment.objects.create(
            task=task,
            volunteer=factories.VolunteerFactory(),
            status=status,
            claimed_at=timezone.now(),
        )
        for status in ("claimed", "returned", "delivered", "accepted")
    }

    with run_on_commit():
        planning.cancel_activity(activity=activity, by=coordinator)

    for status, assignment in rows.items():
        assignment.refresh_from_db()
        told = emails_to(mail.outbox, assignment.volunteer)
        if status == "accepted":
            assert assignment.status == "accepted"  # done work keeps its hours
            assert told == []
        else:
            assert assignment.status == "cancelled"
            (message,) = told
            assert task.title in message.subject
            assert "iptal edildi" in message.body


# 7. One certificate a day -------------------------------------------------------------------


def test_two_downloads_the_same_day_give_one_certificate(volunteer):
    factories.HoursEntryFactory(volunteer=volunteer, status="approved", hours=3)

    first = certificates.certificate_for_download(volunteer=volunteer)
    second = certificates.certificate_for_download(volunteer=volunteer)

    assert first == second
    assert Certificate.objects.filter(volunteer=volunteer).count() == 1


def test_new_approved_hours_give_a_new_certificate_the_same_day(volunteer):
    factories.HoursEntryFactory(volunteer=volunteer, status="approved", hours=3)
    first = certificates.certificate_for_download(volunteer=volunteer)
    factories.HoursEntryFactory(volunteer=volunteer, status="approved", hours=2)

    second = certificates.certificate_for_download(volunteer=volunteer)

    assert second != first
    assert second.total_hours == decimal.Decimal("5.00")


# 12. E-mail says only what is still true when it leaves ------------------------------------


def queued(kind: str, signup) -> Delivery:
    """The message as a service queues it; it leaves when a worker sends it (`send_one`)."""
    return notifications.notify(kind, obj=signup, to=Recipient.of_user(signup.volunteer.user))


def sent(delivery: Delivery) -> Delivery:
    notifications.send_one(delivery.pk)
    delivery.refresh_from_db()
    return delivery


def test_no_reminder_for_a_sign_up_cancelled_before_the_worker_sent_it(volunteer):
    signup = factories.SignUpFactory(shift=make_shift(starts_in_hours=20), volunteer=volunteer)
    reminder = queued("signups.reminder", signup)
    signup.status = SignUp.Status.CANCELLED
    signup.save()

    assert sent(reminder).suppressed_because == Delivery.Why.NO_LONGER_TRUE
    assert mail.outbox == []


def test_no_reminder_once_the_shift_started_or_the_activity_was_cancelled(volunteer):
    started = factories.SignUpFactory(shift=make_shift(starts_in_hours=-1), volunteer=volunteer)
    cancelled = factories.SignUpFactory(
        shift=make_shift(starts_in_hours=20, activity__status="cancelled"), volunteer=volunteer
    )

    reminders = [sent(queued("signups.reminder", signup)) for signup in (started, cancelled)]

    assert {reminder.status for reminder in reminders} == {Delivery.Status.SUPPRESSED}
    assert mail.outbox == []


def test_a_reminder_still_true_is_sent(volunteer):
    signup = factories.SignUpFactory(shift=make_shift(starts_in_hours=20), volunteer=volunteer)

    assert sent(queued("signups.reminder", signup)).status == Delivery.Status.SENT
    assert len(emails_to(mail.outbox, volunteer)) == 1


def test_no_confirmation_for_a_place_given_up_meanwhile(volunteer):
    signup = factories.SignUpFactory(shift=make_shift(), volunteer=volunteer, status="cancelled")

    told = [sent(queued(kind, signup)) for kind in ("signups.confirmed", "signups.promoted")]

    assert {delivery.suppressed_because for delivery in told} == {Delivery.Why.NO_LONGER_TRUE}
    assert mail.outbox == []


# 14. Hours count in the activity's first area by position ----------------------------------


def test_attendance_and_task_hours_use_the_activitys_first_area_by_position(coordinator):
    first, later = VolunteerArea.objects.order_by("position")[:2]
    shift = make_shift(starts_in_hours=1)
    shift.activity.areas.set([later, first])
    volunteer = factories.VolunteerFactory()
    factories.SignUpFactory(shift=shift, volunteer=volunteer)

    attendance.check_in(shift=shift, code=volunteer.checkin_code, by=coordinator)

    assert HoursEntry.objects.get(signup__shift=shift).area == first
    assert hours.area_of_activity(shift.activity) == first


# 15. Refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["draft", "cancelled"])
def test_check_in_is_refused_for_an_activity_not_running(coordinator, status):
    shift = make_shift(starts_in_hours=1)
    volunteer = factories.VolunteerFactory()
    factories.SignUpFactory(shift=shift, volunteer=volunteer)
    Activity.objects.filter(pk=shift.activity_id).update(status=status)

    with pytest.raises(ActivityError):
        attendance.check_in(shift=shift, code=volunteer.checkin_code, by=coordinator)
    assert not HoursEntry.objects.exists()


def test_check_in_is_refused_for_a_volunteer_who_left(coordinator):
    shift = make_shift(starts_in_hours=1)
    volunteer = factories.VolunteerFactory()
    factories.SignUpFactory(shift=shift, volunteer=volunteer)
    volunteer.status = volunteer.Status.WITHDRAWN
    volunteer.save(update_fields=["status"])

    with pytest.raises(ActivityError, match="programdan ayrıldı"):
        attendance.check_in(shift=shift, code=volunteer.checkin_code, by=coordinator)


def test_approving_a_sign_up_of_a_volunteer_who_left_is_refused(coordinator):
    shift = make_shift(activity__requires_approval=True)
    volunteer = factories.VolunteerFactory()
    pending = factories.SignUpFactory(shift=shift, volunteer=volunteer, status="pending")
    volunteer.status = volunteer.Status.WITHDRAWN
    volunteer.save(update_fields=["status"])

    with pytest.raises(ActivityError, match="programdan ayrıldı"):
        signups.approve_sign_up(signup=pending, by=coordinator)
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_a_coordinator_cannot_approve_their_own_hours(coordinator):
    own = factories.VolunteerFactory(user=coordinator)
    entry = factories.HoursEntryFactory(volunteer=own)
    someone_elses = factories.HoursEntryFactory()

    result = hours.approve_hours(entries=[entry, someone_elses], by=coordinator)

    assert result.done == [someone_elses]
    assert [reason for _entry, reason in result.skipped] == [
        "Kendi saatlerinizi değerlendiremezsiniz."
    ]
    entry.refresh_from_db()
    assert entry.status == "pending"
