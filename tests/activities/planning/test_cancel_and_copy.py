"""Cancelling an activity tells everyone signed up; copying it starts a fresh draft."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from esit.activities.models import Activity, Participant, Shift, SignUp, Task
from esit.activities.services import planning
from esit.activities.services.errors import ActivityError
from esit.privacy.services import record_consent
from tests import factories
from tests.activities.planning.conftest import detail_url, istanbul, typed


def cancel_url(activity) -> str:
    return reverse("planning:cancel", args=[activity.pk])


def copy_url(activity) -> str:
    return reverse("planning:copy", args=[activity.pk])


def participant(activity, status=Participant.Status.CONFIRMED, email="halk@example.org"):
    return Participant.objects.create(
        activity=activity,
        name="Elif Şahin",
        email=email,
        status=status,
        consent=record_consent(email=email, ip="127.0.0.1", at=timezone.now()),
        registered_at=timezone.now(),
    )


# Cancelling ---------------------------------------------------------------


def test_cancelling_needs_the_confirmation_box(coordinator_client):
    activity = factories.ActivityFactory()
    response = coordinator_client.post(cancel_url(activity), {"message": "Hava durumu"})
    assert response.status_code == 200
    assert 'id="id_confirm_error"' in response.content.decode()
    assert "Hava durumu" in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED


def test_cancelling_sets_the_status_and_returns_to_the_activity(coordinator_client):
    activity = factories.ActivityFactory()
    response = coordinator_client.post(cancel_url(activity), {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == detail_url(activity)
    activity.refresh_from_db()
    assert activity.status == Activity.Status.CANCELLED


def test_cancelling_cancels_volunteer_sign_ups_and_emails_them(coordinator_client, run_on_commit):
    signup = factories.SignUpFactory()
    waiting = factories.SignUpFactory(shift=signup.shift, status=SignUp.Status.WAITLISTED)
    with run_on_commit():
        coordinator_client.post(cancel_url(signup.shift.activity), {"confirm": "on"})
    assert set(SignUp.objects.values_list("status", flat=True)) == {SignUp.Status.CANCELLED}
    told = {address for message in mail.outbox for address in message.to}
    assert {signup.volunteer.user.email, waiting.volunteer.user.email} <= told


def test_cancelling_cancels_public_registrations_and_emails_the_note(
    coordinator_client, run_on_commit
):
    activity = factories.ActivityFactory(public_registration=True, public_capacity=10)
    registered = participant(activity)
    with run_on_commit():
        coordinator_client.post(
            cancel_url(activity), {"confirm": "on", "message": "Salon su baskını nedeniyle kapalı."}
        )
    registered.refresh_from_db()
    assert registered.status == Participant.Status.CANCELLED
    assert registered.cancelled_at is not None
    [message] = [m for m in mail.outbox if m.to == ["halk@example.org"]]
    assert activity.title_tr in message.subject
    assert "Salon su baskını nedeniyle kapalı." in message.body


def test_no_email_leaves_before_the_cancellation_commits(
    coordinator, django_capture_on_commit_callbacks
):
    activity = factories.ActivityFactory(public_registration=True, public_capacity=10)
    participant(activity)
    factories.SignUpFactory(shift=factories.ShiftFactory(activity=activity))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        planning.cancel_activity(activity=activity, by=coordinator)
    assert mail.outbox == []
    assert len(callbacks) >= 2  # one for the volunteer, one for the participant


def test_an_activity_cannot_be_cancelled_twice(coordinator):
    activity = factories.ActivityFactory(status=Activity.Status.CANCELLED)
    with pytest.raises(ActivityError):
        planning.cancel_activity(activity=activity, by=coordinator)


def test_a_cancelled_activity_takes_no_new_shift(coordinator):
    activity = factories.ActivityFactory(status=Activity.Status.CANCELLED)
    with pytest.raises(ActivityError):
        planning.create_shift(
            activity=activity,
            starts_at=activity.starts_at,
            ends_at=activity.starts_at + datetime.timedelta(hours=1),
            capacity=3,
        )
    assert not Shift.objects.exists()


def test_detail_of_a_cancelled_activity_offers_no_changes(coordinator_client):
    activity = factories.ActivityFactory(status=Activity.Status.CANCELLED)
    html = coordinator_client.get(detail_url(activity)).content.decode()
    assert reverse("planning:edit", args=[activity.pk]) not in html
    assert reverse("planning:shift_create", args=[activity.pk]) not in html
    assert copy_url(activity) in html


# Copying ------------------------------------------------------------------


@pytest.fixture
def source(db):
    activity = factories.ActivityFactory(
        starts_at=istanbul(2031, 4, 5, 9), ends_at=istanbul(2031, 4, 5, 18), status="published"
    )
    shift = factories.ShiftFactory(
        activity=activity,
        starts_at=istanbul(2031, 4, 5, 14),
        ends_at=istanbul(2031, 4, 5, 17),
        capacity=6,
        newcomer_places=2,
        notes="Yaka kartı getirin.",
    )
    shift.required_areas.set([factories.area("translation")])
    shift.required_languages.set([factories.language("ar")])
    task = factories.TaskFactory(activity=activity, due_date=datetime.date(2031, 4, 3))
    task.required_languages.set([factories.language("ar")])
    factories.SignUpFactory(shift=shift)
    participant(activity)
    return activity


def test_copy_is_a_draft_with_a_new_uid(source, coordinator):
    copy = planning.copy_activity(
        activity=source, by=coordinator, starts_at=istanbul(2031, 5, 10, 9)
    )
    assert copy.pk != source.pk
    assert copy.status == Activity.Status.DRAFT
    assert copy.uid != source.uid
    assert copy.title_tr == source.title_tr
    assert copy.created_by == coordinator
    assert list(copy.areas.all()) == list(source.areas.all())


def test_copy_moves_shifts_and_tasks_by_the_same_offset(source, coordinator):
    copy = planning.copy_activity(
        activity=source, by=coordinator, starts_at=istanbul(2031, 5, 10, 9)
    )
    assert copy.ends_at == istanbul(2031, 5, 10, 18)
    shift = copy.shifts.get()
    assert (shift.starts_at, shift.ends_at) == (
        istanbul(2031, 5, 10, 14),
        istanbul(2031, 5, 10, 17),
    )
    assert (shift.capacity, shift.newcomer_places, shift.notes) == (6, 2, "Yaka kartı getirin.")
    assert list(shift.required_areas.all()) == [factories.area("translation")]
    assert list(shift.required_languages.all()) == [factories.language("ar")]
    task = copy.tasks.get()
    assert task.due_date == datetime.date(2031, 5, 8)
    assert list(task.required_languages.all()) == [factories.language("ar")]


def test_copy_brings_no_sign_ups_or_registrations(source, coordinator):
    copy = planning.copy_activity(
        activity=source, by=coordinator, starts_at=istanbul(2031, 5, 10, 9)
    )
    assert not SignUp.objects.filter(shift__activity=copy).exists()
    assert not copy.participants.exists()
    assert SignUp.objects.filter(shift__activity=source).count() == 1
    assert Task.objects.count() == 2


def test_copying_through_the_page_opens_the_new_draft(coordinator_client, source):
    response = coordinator_client.post(
        copy_url(source), {"starts_at": typed(istanbul(2031, 6, 1, 9))}
    )
    copy = Activity.objects.exclude(pk=source.pk).get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(copy)
    assert copy.starts_at == istanbul(2031, 6, 1, 9)


def test_copy_without_a_start_is_refused(coordinator_client, source):
    response = coordinator_client.post(copy_url(source), {"starts_at": "yarın"})
    assert response.status_code == 200
    assert 'id="id_starts_at_error"' in response.content.decode()
    assert Activity.objects.count() == 1
