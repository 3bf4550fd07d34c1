"""Running activities and approving hours are capabilities (docs/architecture.md,
"Capabilities and scope"): a staff member without one gets 403 on every page of it, its menu
entry and panel are not shown, and the services refuse them too."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from esit.activities.models import Activity, HoursEntry, SignUp, TaskAssignment
from esit.activities.services import attendance, hours, participants, planning, signups, work
from tests import factories
from tests.activities.public.conftest import make_participant
from tests.activities.work.conftest import make_assignment

# (URL name, which object of the scene its argument is, method)
RUN_PAGES = [
    ("planning:list", None, "get"),
    ("planning:create", None, "get"),
    ("planning:export_csv", None, "get"),
    ("planning:participants_export_xlsx", None, "get"),
    ("planning:detail", "activity", "get"),
    ("planning:edit", "activity", "get"),
    ("planning:copy", "activity", "get"),
    ("planning:cancel", "activity", "post"),
    ("planning:shift_create", "activity", "get"),
    ("planning:shift_edit", "activity+shift", "get"),
    ("planning:shift_delete", "activity+shift", "post"),
    ("planning:shift_repeat", "activity+shift", "get"),
    ("planning:task_create", "activity", "get"),
    ("planning:task_edit", "activity+task", "get"),
    ("planning:task_assign", "activity+task", "get"),
    ("signups:roster", "activity", "get"),
    ("signups:roster_csv", "activity", "get"),
    ("signups:roster_xlsx", "activity", "get"),
    ("signups:approve", "signup", "post"),
    ("signups:decline", "signup", "post"),
    ("signups:staff_cancel", "signup", "post"),
    ("signups:check_in", "shift", "get"),
    ("signups:add_volunteer", "shift", "get"),
    ("signups:mark_no_shows", "shift", "post"),
    ("activities:participants", "activity", "get"),
    ("activities:participants_csv", "activity", "get"),
    ("activities:participants_xlsx", "activity", "get"),
    ("activities:participant_cancel", "participant", "post"),
    ("activities:participant_attendance", "participant", "post"),
    ("work:task_review", None, "get"),
    ("work:accept", "assignment", "post"),
    ("work:send_back", "assignment", "post"),
    ("work:delivery_file", "assignment", "get"),
]
HOURS_PAGES = [
    ("work:hours_queue", None, "get"),
    ("work:hours_export_csv", None, "get"),
    ("work:review_hours", None, "post"),
]


@pytest.fixture
def scene(db):
    activity = factories.ActivityFactory(requires_approval=True, public_registration=True)
    shift = factories.ShiftFactory(activity=activity)
    task = factories.TaskFactory(activity=activity)
    return {
        "activity": activity,
        "shift": shift,
        "task": task,
        "signup": factories.SignUpFactory(shift=shift, status=SignUp.Status.PENDING),
        "participant": make_participant(activity, email="derya@example.org"),
        "assignment": make_assignment(task=task, status=TaskAssignment.Status.DELIVERED),
        "hours": factories.HoursEntryFactory(),
    }


def url_of(name: str, argument: str | None, scene) -> str:
    if argument is None:
        return reverse(name)
    return reverse(name, args=[scene[part].pk for part in argument.split("+")])


def take_away(codename: str) -> None:
    Group.objects.get(name="coordinator").permissions.remove(
        Permission.objects.get(codename=codename, content_type__app_label="activities")
    )


@pytest.mark.parametrize(("name", "argument", "method"), RUN_PAGES)
def test_a_coordinator_who_may_not_run_activities_is_refused(
    coordinator_client, scene, name, argument, method
):
    take_away("run_activities")
    response = getattr(coordinator_client, method)(url_of(name, argument, scene))
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "argument", "method"), HOURS_PAGES)
def test_a_coordinator_who_may_not_approve_hours_is_refused(
    coordinator_client, scene, name, argument, method
):
    take_away("approve_hours")
    response = getattr(coordinator_client, method)(url_of(name, argument, scene))
    assert response.status_code == 403


def test_approving_hours_does_not_need_running_activities(coordinator_client, scene):
    take_away("run_activities")
    assert coordinator_client.get(reverse("work:hours_queue")).status_code == 200


def test_the_menu_shows_only_the_capabilities_held(coordinator_client, scene):
    take_away("run_activities")
    html = coordinator_client.get(reverse("staff:dashboard")).content.decode()
    assert f'href="{reverse("planning:list")}"' not in html
    assert f'href="{reverse("work:task_review")}"' not in html
    assert f'href="{reverse("work:hours_queue")}"' in html


def test_the_front_page_leaves_out_the_panels_of_a_capability_not_held(coordinator_client, scene):
    take_away("approve_hours")
    response = coordinator_client.get(reverse("staff:dashboard"))
    html = response.content.decode()
    assert f'href="{reverse("work:task_review")}"' in html
    assert f'href="{reverse("work:hours_queue")}"' not in html


# The services refuse the same staff member, whatever page or command calls them.


@pytest.fixture
def without_run(coordinator):
    take_away("run_activities")
    return coordinator


@pytest.fixture
def without_hours(coordinator):
    take_away("approve_hours")
    return coordinator


def test_approving_or_declining_a_sign_up_is_refused(without_run, scene):
    with pytest.raises(PermissionDenied):
        signups.approve_sign_up(signup=scene["signup"], by=without_run)
    with pytest.raises(PermissionDenied):
        signups.decline_sign_up(signup=scene["signup"], by=without_run)
    scene["signup"].refresh_from_db()
    assert scene["signup"].status == SignUp.Status.PENDING


def test_adding_a_volunteer_or_cancelling_a_sign_up_is_refused(without_run, scene):
    with pytest.raises(PermissionDenied):
        signups.sign_up(
            volunteer=factories.VolunteerFactory(), shift=scene["shift"], by=without_run
        )
    with pytest.raises(PermissionDenied):
        signups.cancel_sign_up(signup=scene["signup"], by=without_run)
    assert SignUp.objects.filter(shift=scene["shift"]).count() == 1


def test_check_in_and_no_shows_are_refused(without_run, scene):
    with pytest.raises(PermissionDenied):
        attendance.check_in(
            shift=scene["shift"], code=scene["signup"].volunteer.checkin_code, by=without_run
        )
    with pytest.raises(PermissionDenied):
        attendance.mark_no_shows(shift=scene["shift"], by=without_run)


def test_planning_publishing_cancelling_and_copying_are_refused(without_run, scene):
    activity = scene["activity"]
    with pytest.raises(PermissionDenied):
        planning.update_activity(activity=activity, by=without_run, status="draft")
    with pytest.raises(PermissionDenied):
        planning.cancel_activity(activity=activity, by=without_run)
    with pytest.raises(PermissionDenied):
        planning.copy_activity(
            activity=activity, by=without_run, starts_at=activity.starts_at + datetime.timedelta(7)
        )
    with pytest.raises(PermissionDenied):
        planning.create_activity(
            by=without_run,
            kind=activity.kind,
            title_tr="Yeni",
            description_tr="Yeni",
            district=activity.district,
            address="Konak",
            starts_at=activity.starts_at,
            ends_at=activity.ends_at,
        )
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED
    assert Activity.objects.count() == 1


def test_participants_tasks_and_deliveries_are_refused(without_run, scene):
    with pytest.raises(PermissionDenied):
        participants.cancel_registration(participant=scene["participant"], by=without_run)
    with pytest.raises(PermissionDenied):
        participants.record_participant_attendance(
            participant=scene["participant"], attended=True, by=without_run
        )
    with pytest.raises(PermissionDenied):
        work.assign_task(task=scene["task"], volunteer=factories.VolunteerFactory(), by=without_run)
    with pytest.raises(PermissionDenied):
        work.accept_task(assignment=scene["assignment"], by=without_run)
    with pytest.raises(PermissionDenied):
        work.return_task(assignment=scene["assignment"], by=without_run, comment="Eksik")
    scene["assignment"].refresh_from_db()
    assert scene["assignment"].status == TaskAssignment.Status.DELIVERED


def test_approving_or_rejecting_hours_is_refused(without_hours, scene):
    with pytest.raises(PermissionDenied):
        hours.approve_hours(entries=[scene["hours"]], by=without_hours)
    with pytest.raises(PermissionDenied):
        hours.reject_hours(entries=[scene["hours"]], by=without_hours, comment="Yanlış")
    scene["hours"].refresh_from_db()
    assert scene["hours"].status == HoursEntry.Status.PENDING


def test_the_system_itself_needs_no_capability(scene):
    """Tasks and receivers act with `by=None`: no person's rights are involved."""
    entry = factories.HoursEntryFactory(date=timezone.localdate() - datetime.timedelta(days=1))
    assert hours.approve_hours(entries=[entry], by=None).done == [entry]
