"""Activities writes its decisions, exports and staff views of people's data to the audit
trail: who, what, about whom, in a summary of counts and statuses that never names a person
(docs/architecture.md, "The audit trail")."""

import datetime
import decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from esit.activities.models import Activity, HoursEntry, SignUp, TaskAssignment
from esit.activities.services import (
    attendance,
    certificates,
    hours,
    participants,
    planning,
    signups,
    work,
)
from esit.audit.models import AuditEvent
from tests import factories
from tests.activities.public.conftest import make_participant
from tests.activities.work.conftest import make_assignment

NAME = "Nesrin"


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def only(action: str) -> AuditEvent:
    (event,) = events(action)
    assert NAME not in event.summary
    return event


@pytest.fixture
def nesrin(db):
    return factories.VolunteerFactory(first_name=NAME, user__first_name=NAME)


@pytest.fixture
def pending(nesrin):
    activity = factories.ActivityFactory(requires_approval=True)
    return factories.SignUpFactory(
        shift=factories.ShiftFactory(activity=activity),
        volunteer=nesrin,
        status=SignUp.Status.PENDING,
    )


def test_approving_a_sign_up_is_recorded(coordinator, pending, nesrin):
    signups.approve_sign_up(signup=pending, by=coordinator)
    event = only("activities.signup_approved")
    assert (event.actor, event.object_id, event.person_id) == (
        coordinator,
        str(pending.pk),
        str(nesrin.pk),
    )
    assert event.person_type == "volunteers.volunteer"


def test_declining_a_sign_up_is_recorded(coordinator, pending):
    signups.decline_sign_up(signup=pending, by=coordinator)
    assert only("activities.signup_declined").actor == coordinator


def test_a_staff_cancellation_is_recorded_but_a_volunteer_s_own_is_not(coordinator, nesrin):
    shift = factories.ShiftFactory()
    mine = factories.SignUpFactory(shift=shift, volunteer=nesrin)
    signups.cancel_sign_up(signup=mine, by=nesrin.user)
    assert events("activities.signup_cancelled") == []
    theirs = factories.SignUpFactory(shift=factories.ShiftFactory())
    signups.cancel_sign_up(signup=theirs, by=coordinator)
    assert only("activities.signup_cancelled").object_id == str(theirs.pk)


def test_a_coordinator_adding_someone_is_recorded_with_the_override(coordinator, nesrin):
    shift = factories.ShiftFactory()
    shift.required_languages.set([factories.language("ar")])
    signups.sign_up(volunteer=nesrin, shift=shift, by=coordinator, override_requirements=True)
    event = only("activities.signup_added")
    assert event.person_id == str(nesrin.pk)
    assert "karşılanmadan" in event.summary


def test_check_in_and_no_shows_are_recorded_per_person(coordinator, nesrin):
    now = timezone.now()
    shift = factories.ShiftFactory(
        starts_at=now - datetime.timedelta(hours=3), ends_at=now - datetime.timedelta(hours=1)
    )
    came = factories.SignUpFactory(shift=shift, volunteer=nesrin)
    absent = factories.SignUpFactory(shift=shift)
    attendance.check_in(shift=shift, code=nesrin.checkin_code, by=coordinator)
    attendance.check_in(shift=shift, code=nesrin.checkin_code, by=coordinator)  # no change
    assert attendance.mark_no_shows(shift=shift, by=coordinator) == 1
    assert only("activities.checked_in").object_id == str(came.pk)
    event = only("activities.no_show")
    assert (event.object_id, event.person_id) == (str(absent.pk), str(absent.volunteer_id))


def test_hours_decisions_are_recorded_without_the_reason(coordinator, nesrin):
    first, second = (
        factories.HoursEntryFactory(volunteer=nesrin, hours=decimal.Decimal("2.5")),
        factories.HoursEntryFactory(volunteer=nesrin),
    )
    hours.approve_hours(entries=[first], by=coordinator)
    reason = f"{NAME} Hanım o gün gelmedi"
    hours.reject_hours(entries=[second], by=coordinator, comment=reason)
    approved = only("activities.hours_approved")
    assert "2.50" in approved.summary
    rejected = only("activities.hours_rejected")
    assert str(len(reason)) in rejected.summary
    assert "gelmedi" not in rejected.summary
    assert rejected.person_id == str(nesrin.pk)


def test_a_certificate_is_recorded_as_the_volunteer_s_own_act(nesrin):
    factories.HoursEntryFactory(volunteer=nesrin, status=HoursEntry.Status.APPROVED)
    certificate = certificates.issue_certificate(volunteer=nesrin)
    event = only("activities.certificate_issued")
    assert (event.actor, event.object_id) == (nesrin.user, str(certificate.pk))
    certificates.issue_certificate(volunteer=nesrin, reuse_today=True)  # the same one
    assert len(events("activities.certificate_issued")) == 1


def test_participant_decisions_are_recorded(coordinator):
    activity = factories.ActivityFactory(
        public_registration=True,
        public_capacity=5,
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    came = make_participant(activity, email="a@example.org", name=NAME)
    gone = make_participant(activity, email="b@example.org", name=NAME)
    participants.record_participant_attendance(participant=came, attended=True, by=coordinator)
    participants.cancel_registration(participant=gone, by=coordinator)
    assert only("activities.participant_attendance").person_type == "activities.participant"
    assert only("activities.participant_cancelled").person_id == str(gone.pk)


def test_task_decisions_are_recorded(coordinator, nesrin):
    task = factories.TaskFactory(places=3)
    work.assign_task(task=task, volunteer=nesrin, by=coordinator)
    accepted = make_assignment(task=task, status=TaskAssignment.Status.DELIVERED)
    returned = make_assignment(task=task, status=TaskAssignment.Status.DELIVERED)
    work.accept_task(assignment=accepted, by=coordinator)
    work.return_task(assignment=returned, by=coordinator, comment="Son paragraf eksik")
    assert only("activities.task_assigned").person_id == str(nesrin.pk)
    assert "4" in only("activities.task_accepted").summary
    assert str(len("Son paragraf eksik")) in only("activities.task_returned").summary


def test_publishing_and_cancelling_an_activity_are_recorded(coordinator):
    activity = factories.ActivityFactory(status=Activity.Status.DRAFT)
    planning.update_activity(activity=activity, by=coordinator, title_tr="Yeni başlık")
    assert events("activities.published") == []
    planning.update_activity(activity=activity, by=coordinator, status=Activity.Status.PUBLISHED)
    planning.update_activity(activity=activity, by=coordinator, title_tr="Bir daha")
    assert only("activities.published").object_id == str(activity.pk)
    factories.SignUpFactory(shift=factories.ShiftFactory(activity=activity))
    planning.cancel_activity(activity=activity, by=coordinator, message=f"{NAME} hasta")
    event = only("activities.cancelled")
    assert event.summary.startswith("1 vardiya kaydı ve 0 katılımcı")
    assert "hasta" not in event.summary


def test_opening_and_exporting_a_roster_are_recorded(coordinator_client, coordinator, pending):
    activity = pending.shift.activity
    coordinator_client.get(reverse("signups:roster", args=[activity.pk]))
    coordinator_client.get(reverse("signups:roster_csv", args=[activity.pk]))
    viewed = only("activities.roster_viewed")
    assert (viewed.actor, viewed.object_id) == (coordinator, str(activity.pk))
    assert viewed.summary.startswith("1 ")
    assert viewed.client_address
    assert only("activities.roster_exported").summary.startswith("1 ")


def test_opening_and_exporting_a_participant_list_are_recorded(coordinator_client):
    activity = factories.ActivityFactory(public_registration=True, public_capacity=5)
    make_participant(activity, email="a@example.org", name=NAME)
    make_participant(activity, email="b@example.org", name=NAME)
    coordinator_client.get(reverse("activities:participants", args=[activity.pk]))
    coordinator_client.get(reverse("activities:participants_csv", args=[activity.pk]))
    assert only("activities.participants_viewed").summary.startswith("2 ")
    assert only("activities.participants_exported").summary.startswith("2 ")


def test_summaries_are_in_the_programme_s_language_whatever_the_page_s(coordinator_client, pending):
    activity = pending.shift.activity
    coordinator_client.get(reverse("signups:roster", args=[activity.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "vardiya kaydı" in only("activities.roster_viewed").summary
