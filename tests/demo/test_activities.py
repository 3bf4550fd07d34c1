"""The demo shows the newer parts of activities: a public participant marked attended,
a volunteer added by a coordinator, and requirements waived on a shift and on a task."""

from io import StringIO

import pytest
from django.core.management import call_command

from esit.accounts.models import User
from esit.activities.models import Activity, Participant, SignUp, TaskAssignment


@pytest.fixture
def seeded(db, mailoutbox):
    call_command("seed_demo", stdout=StringIO())


def test_demo_has_public_participants_whose_attendance_was_recorded(seeded):
    recorded = Participant.objects.exclude(attendance=Participant.Attendance.UNKNOWN)

    assert set(recorded.values_list("attendance", flat=True)) == {"attended", "no_show"}
    assert not recorded.filter(attendance_recorded_by=None).exists()


def test_demo_has_a_volunteer_added_by_a_coordinator(seeded):
    assert SignUp.objects.exclude(added_by=None).exists()


def test_demo_records_requirements_waived_on_a_shift_and_on_a_task(seeded):
    assert SignUp.objects.exclude(requirements_waived_by=None).count() == 1
    assert TaskAssignment.objects.exclude(requirements_waived_by=None).count() == 1


def test_demo_participant_list_shows_who_came(seeded, client):
    coordinator = User.objects.filter(is_staff=True, groups__name="coordinator").first()
    client.force_login(coordinator)
    # One of the demo activities' named participants (the network's year has more).
    activity = Participant.objects.get(name="Fadime Yurtsever", attendance="attended").activity

    html = client.get(f"/staff/activities/{activity.pk}/participants/").content.decode()

    assert "Fadime Yurtsever" in html
    assert "Katıldı" in html


def test_demo_tags_its_activities_with_every_plan_area_but_one(seeded):
    from esit.reference.models import PlanArea

    tagged = PlanArea.objects.filter(goals__activities__isnull=False).distinct()
    assert tagged.count() == PlanArea.objects.count()
    assert Activity.objects.filter(plan_goals__isnull=True).exists()


def test_demo_report_shows_a_living_picture(seeded):
    from esit.reports import selectors

    administrator = User.objects.filter(groups__name="administrator").first()
    report = selectors.impact_report(user=administrator, filters=selectors.ReportFilters())
    plan = report.figure("activities-by-plan-area")
    assert sum(row.cells[0] for row in plan.rows) > 0
    assert report.figure("hours-by-month").rows
    assert report.figure("applications-by-week").rows
