"""Every figure of the report against the small programme counted by hand (conftest.py)."""

import datetime
from decimal import Decimal

import pytest

from esit.reference.models import PlanArea
from esit.reports import selectors
from esit.reports.selectors import ReportFilters
from tests import factories
from tests.reports.conftest import column, rows_of

EVERYTHING = ReportFilters()
HIDDEN = None  # a suppressed cell


@pytest.fixture
def report(programme, administrator):
    return selectors.impact_report(user=administrator, filters=EVERYTHING)


def figure(report, key):
    found = report.figure(key)
    assert found is not None, key
    return found


def test_applications_per_week_and_their_outcomes(report):
    rows = rows_of(figure(report, "applications-by-week"))
    # total, submitted, waitlisted, approved (3), rejected (2), withdrawn
    assert rows == {
        "2026-09-07": (5, 0, 0, HIDDEN, HIDDEN, 0),
        "2026-09-14": (HIDDEN, HIDDEN, 0, 0, 0, 0),
    }


def test_applications_by_gender_keep_not_given_apart(report):
    rows = rows_of(figure(report, "applications-by-gender"))
    assert rows["Kadın"] == (5, 0, 0, HIDDEN, HIDDEN, 0)
    assert rows["Belirtilmedi"] == (HIDDEN, HIDDEN, 0, 0, 0, 0)
    assert rows["Erkek"] == (0, 0, 0, 0, 0, 0)


def test_time_to_decision_median_and_share_within_30_days(report):
    rows = rows_of(figure(report, "time-to-decision"))
    assert rows["Tümü"] == (5, Decimal("10.0"), Decimal("60"))
    assert rows["Kadın"] == (5, Decimal("10.0"), Decimal("60"))
    assert rows["Erkek"] == (0, None, None)


def test_median_of_an_even_number_of_waits_is_the_mean_of_the_middle_two(administrator):
    from tests.reports.conftest import application, istanbul

    for wait in (1, 2, 3, 10, 12, 20):
        application(submitted=istanbul(2026, 9, 8), decision="approve", wait_days=wait)
    rows = rows_of(selectors.time_to_decision(administrator, EVERYTHING))
    assert rows["Tümü"] == (6, Decimal("6.5"), Decimal("100"))


def test_active_volunteers_hide_the_lone_man_and_the_women_who_would_give_him_away(report):
    rows = rows_of(figure(report, "active-volunteers"))
    # total, woman, man, non-binary, self-described, prefer not to say, not given
    assert rows["Bugün etkin"] == (7, HIDDEN, HIDDEN, 0, 0, 0, 0)
    assert rows["Dönemde çalışan"] == (7, HIDDEN, HIDDEN, 0, 0, 0, 0)


def test_approved_hours_by_month_and_area(report):
    hours = figure(report, "hours-by-month")
    rows = rows_of(hours)
    assert rows["2026-09"][0] == Decimal(15)
    assert rows["2026-09"][column(hours, "Tercüme")] == Decimal(15)
    # October: 8 h by three people, Translation by two, Workshops by one: all hidden.
    assert rows["2026-10"] == (HIDDEN, HIDDEN, HIDDEN)
    assert set(hours.columns) == {"Toplam", "Tercüme", "Atölye çalışmaları"}


def test_pending_hours_are_not_counted(report):
    rows = rows_of(figure(report, "hours-by-gender"))
    assert rows["Kadın"] == (Decimal(19), 5)
    assert rows["Erkek"] == (HIDDEN, HIDDEN)


def test_activities_by_month_leave_out_drafts_and_cancelled_ones(report):
    assert rows_of(figure(report, "activities-by-month")) == {
        "2026-09": (1, 1, 0),
        "2026-10": (1, 0, 1),
    }


def test_activities_by_plan_area(report):
    rows = rows_of(figure(report, "activities-by-plan-area"))
    assert rows["2 Kadına yönelik şiddetle mücadele"] == (2,)
    assert rows["4 Eğitim"] == (1,)
    assert rows["1 Katılımcı ve eşitlikçi yerel yönetişim"] == (0,)
    assert rows["Etiketlenmemiş"] == (0,)


def test_participation_by_district_is_ranked_and_lists_the_30_districts(report):
    participation = figure(report, "participation-by-district")
    rows = rows_of(participation)
    # people taking part, places filled by volunteers, public participants, shifts, places
    assert participation.rows[0].label == "Konak"
    assert rows["Konak"] == (11, 6, 5, 1, 8)
    assert rows["Buca"] == (HIDDEN, 6, HIDDEN, 1, 6)
    assert len(participation.rows) == 30
    # Buca's hidden count ranks it with the districts where nobody took part, by name.
    assert [row.label for row in participation.rows[1:4]] == ["Aliağa", "Balçova", "Bayındır"]


def test_volunteers_by_age_group(report):
    rows = rows_of(figure(report, "volunteers-by-age"))
    assert rows["25–34"] == (6, 6, 0, 0, 0, 0, 0)
    assert rows["45–54"] == (HIDDEN, 0, HIDDEN, 0, 0, 0, 0)
    assert rows["18–24"] == (0, 0, 0, 0, 0, 0, 0)


def test_volunteers_by_language(report):
    language = figure(report, "volunteers-by-language")
    assert [row.label for row in language.rows] == ["İngilizce", "Arapça"]
    assert rows_of(language)["İngilizce"] == (6, 6, 0, 0, 0, 0, 0)


def test_volunteers_by_district_leave_out_who_left(report):
    districts = figure(report, "volunteers-by-district")
    rows = rows_of(districts)
    assert districts.rows[0].label == "Konak"
    assert rows["Konak"] == (6, 6, 0, 0, 0, 0, 0)
    assert rows["Buca"] == (HIDDEN, 0, HIDDEN, 0, 0, 0, 0)


def test_retention_counts_who_came_back_after_the_first_shift(report):
    rows = rows_of(figure(report, "retention"))
    # Six attended a first shift, five came back (83 %); the lone man is hidden, and so are
    # the women, whose number would give his away.
    assert rows["Tümü"] == (6, 5, Decimal("83"))
    assert rows["Kadın"] == (HIDDEN, 5, None)
    assert rows["Erkek"] == (HIDDEN, 0, None)


# Filters ------------------------------------------------------------------------------------


def test_a_date_range_narrows_activities_hours_and_applications(programme, administrator):
    september = ReportFilters(start=datetime.date(2026, 9, 1), end=datetime.date(2026, 9, 30))
    report = selectors.impact_report(user=administrator, filters=september)
    assert list(rows_of(figure(report, "activities-by-month"))) == ["2026-09"]
    assert list(rows_of(figure(report, "hours-by-month"))) == ["2026-09"]
    assert list(rows_of(figure(report, "applications-by-week"))) == [
        "2026-09-07",
        "2026-09-14",
    ]


def test_the_end_day_counts_whole(programme, administrator):
    one_day = ReportFilters(start=datetime.date(2026, 9, 8), end=datetime.date(2026, 9, 8))
    rows = rows_of(selectors.applications_by_week(administrator, one_day))
    assert rows == {"2026-09-07": (HIDDEN, 0, 0, HIDDEN, HIDDEN, 0)}


def test_a_district_narrows_every_figure_to_it(programme, administrator):
    buca = ReportFilters(district_id=factories.district("buca").pk)
    report = selectors.impact_report(user=administrator, filters=buca)
    assert [row.label for row in figure(report, "volunteers-by-district").rows] == ["Buca"]
    assert list(rows_of(figure(report, "activities-by-month"))) == ["2026-10"]
    assert rows_of(figure(report, "hours-by-gender"))["Kadın"] == (Decimal(0), 0)


def test_a_plan_area_narrows_the_activities_and_their_work(programme, administrator):
    education = PlanArea.objects.get(slug="education")
    report = selectors.impact_report(
        user=administrator, filters=ReportFilters(plan_area_id=education.pk)
    )
    assert list(rows_of(figure(report, "activities-by-month"))) == ["2026-10"]
    participation = rows_of(figure(report, "participation-by-district"))
    assert participation["Konak"] == (0, 0, 0, 0, 0)
    assert participation["Buca"][1] == 6


def test_an_area_narrows_hours_to_that_area(programme, administrator):
    workshops = ReportFilters(area_id=factories.area("workshops").pk)
    rows = rows_of(selectors.hours_by_gender(administrator, workshops))
    assert rows["Kadın"] == (Decimal(0), 0)
    assert rows["Erkek"] == (HIDDEN, HIDDEN)


def test_places_filled_by_gender_hide_the_lone_man_and_the_women_with_him(report):
    rows = rows_of(figure(report, "participation-by-gender"))
    # Twelve places filled by seven volunteers: six women (11 places), one man (1 place).
    assert rows["Tümü"] == (12, 7)
    assert rows["Kadın"] == (HIDDEN, HIDDEN)
    assert rows["Erkek"] == (HIDDEN, HIDDEN)
    assert rows["Belirtilmedi"] == (0, 0)
