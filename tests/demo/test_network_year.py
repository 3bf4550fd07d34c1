"""seed_demo's year of the network (esit/demo/impact.py): the reports and the open data show
cells, not "<5", and the forty volunteers' work obeys the rules of the real thing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from esit.accounts.models import User
from esit.activities.models import Activity, HoursEntry, SignUp
from esit.demo.impact import MEETINGS, PEOPLE
from esit.opendata import datasets
from esit.opendata import selectors as opendata
from esit.reports import selectors
from esit.volunteers.models import Volunteer

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(mailoutbox):
    call_command("seed_demo", stdout=StringIO())


def _administrator():
    return User.objects.get(email="yonetici@esitizmir.example")


def test_forty_volunteers_with_names_districts_genders_and_birth_years(seeded):
    volunteers = Volunteer.objects.filter(user__email__endswith="@ag.esitizmir.example")
    assert volunteers.count() == len(PEOPLE) == 40
    assert volunteers.filter(status="active").count() == 40
    assert volunteers.values("district").distinct().count() == 6
    assert set(volunteers.values_list("gender", flat=True)) == {"woman", "man", "non_binary", ""}
    assert not volunteers.filter(birth_year__isnull=True).exists()
    assert volunteers.filter(first_name__regex=r"[İıŞşĞğÇçÖöÜü]").count() > 20


def test_every_attended_meeting_sign_up_has_its_approved_hours(seeded):
    meetings = Activity.objects.filter(title_tr__in=[spec.title_tr for spec in MEETINGS])
    assert meetings.count() == len(MEETINGS)
    assert set(meetings.values_list("status", flat=True)) == {"completed"}
    signups = SignUp.objects.filter(shift__activity__in=meetings)
    assert set(signups.values_list("attendance", flat=True)) == {"attended"}
    approved = HoursEntry.objects.filter(signup__in=signups, status="approved")
    assert approved.count() == signups.count()
    # No shift has more sign-ups than places.
    assert not (
        signups.values("shift")
        .annotate(n=Count("pk"))
        .filter(n__gt=meetings.first().shifts.first().capacity)
        .exists()
    )


def test_the_reports_show_the_months_hours_and_districts(seeded):
    report = selectors.impact_report(user=_administrator(), filters=selectors.ReportFilters())
    hours = report.figure("hours-by-month")
    shown = [row for row in hours.rows if row.cells[0] is not None and row.cells[0] > 0]
    assert len(shown) >= 11
    districts = report.figure("volunteers-by-district")
    assert sum(1 for row in districts.rows if row.cells[0] and row.cells[0] >= 5) >= 6
    participation = report.figure("participation-by-district")
    busiest = participation.rows[0].cells[0]
    assert busiest is not None
    assert busiest > 50
    ideas = report.figure("ideas-by-status")
    assert ideas.rows[0].cells == (9, 4)  # all the demo's ideas; four became activities


def test_the_open_data_tables_show_cells(seeded):
    first, last = opendata.default_period()
    for key in ("volunteers-by-district", "hours-by-age-group", "participants-by-district"):
        statistic = datasets.cached_statistic(key, first=first, last=last).statistic
        shown = [cell for row in statistic.rows for cell in row.cells if cell.value]
        assert len(shown) >= 10, key
    assert opendata.public_ideas_done().count() == 4


def test_a_second_run_adds_no_meeting_volunteer_or_hours(seeded):
    before = (Activity.objects.count(), Volunteer.objects.count(), HoursEntry.objects.count())
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert (Activity.objects.count(), Volunteer.objects.count(), HoursEntry.objects.count()) == (
        before
    )
    assert "0 new monthly meetings" in out.getvalue()


def test_the_demo_coordinator_reads_the_reports_and_everyone_the_open_data(client, seeded):
    client.force_login(User.objects.get(email="koordinator@esitizmir.example"))
    page = client.get("/staff/reports/")
    assert page.status_code == 200
    assert "Fikirler, durumuna göre ve etkinliğe dönüşenler" in page.content.decode()
    client.logout()
    assert client.get("/open-data/").status_code == 200
    assert client.get("/api/v1/ideas-done/").json()["count"] == 4
