"""Ideas by status, how many became activities, and by plan area, against the ideas of
conftest.build_ideas counted by hand; and the ideas done of the annual report."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from esit.accounts.scope import scope_of
from esit.reference.models import PlanArea
from esit.reports import selectors
from esit.reports.selectors import ReportFilters
from tests import factories
from tests.accounts.test_scope import scoped
from tests.reports.conftest import idea, istanbul, rows_of

EVERYTHING = ReportFilters()
VIOLENCE = "2 Kadına yönelik şiddetle mücadele"
EDUCATION = "4 Eğitim"


def test_ideas_by_status_and_how_many_became_activities(ideas, administrator):
    figure = selectors.ideas_by_status(administrator, EVERYTHING)
    # ideas, of which became activities; the hidden idea is never counted.
    assert figure.columns == ("Fikir", "Etkinliğe dönüşen")
    assert rows_of(figure) == {
        "Tümü": (4, 2),
        "Yeni": (1, 0),
        "İnceleniyor": (0, 0),
        "Kabul edildi": (0, 0),
        "Hayata geçiriliyor": (1, 1),
        "Gerçekleşti": (1, 1),
        "Uygun bulunmadı": (1, 0),
    }


def test_ideas_by_plan_area_through_their_goals(ideas, administrator):
    rows = rows_of(selectors.ideas_by_plan_area(administrator, EVERYTHING))
    # Konak and Buca in violence; Buca and the declined one in education; the new one untagged.
    assert rows[VIOLENCE] == (2, 2)
    assert rows[EDUCATION] == (2, 1)
    assert rows["Etiketlenmemiş"] == (1, 0)
    assert rows["1 Katılımcı ve eşitlikçi yerel yönetişim"] == (0, 0)


def test_ideas_by_the_gender_their_authors_gave_with_small_cells_suppressed(db, administrator):
    when = istanbul(2026, 9, 1)
    # Twelve women, six of whose ideas became activities; two men, one idea each way.
    authors = [("woman", number < 6) for number in range(12)] + [("man", True), ("man", False)]
    for number, (gender, became) in enumerate(authors):
        made = idea(title=f"Fikir {number}", status="new", created=when)
        made.author = factories.VolunteerFactory(gender=gender).user
        made.activity = factories.ActivityFactory() if became else None
        made.save()

    figure = selectors.ideas_by_gender(administrator, EVERYTHING)

    assert figure.columns == ("Fikir", "Etkinliğe dönüşen", "Henüz dönüşmeyen")
    rows = rows_of(figure)
    assert rows["Kadın"] == (12, 6, 6)
    # Two men: one idea each way, so every cell would name a person.
    assert rows["Erkek"] == (None, None, None)
    assert rows["İkili olmayan"] == (0, 0, 0)
    assert rows["Belirtilmedi"] == (0, 0, 0)


def test_both_figures_are_in_the_report(ideas, administrator):
    report = selectors.impact_report(user=administrator, filters=EVERYTHING)
    assert rows_of(report.figure("ideas-by-status"))["Tümü"] == (4, 2)
    assert rows_of(report.figure("ideas-by-plan-area"))[VIOLENCE] == (2, 2)


def test_the_date_range_is_on_the_ideas_posting(ideas, administrator):
    september = ReportFilters(start=datetime.date(2026, 9, 1), end=datetime.date(2026, 9, 15))
    rows = rows_of(selectors.ideas_by_status(administrator, september))
    # Konak's (1 September) and the new one (15 September: the end day counts whole).
    assert rows["Tümü"] == (2, 1)
    assert rows["Gerçekleşti"] == (0, 0)


def test_area_district_and_plan_area_filters(ideas, administrator):
    translation = ReportFilters(area_id=factories.area("translation").pk)
    assert rows_of(selectors.ideas_by_status(administrator, translation))["Tümü"] == (1, 0)
    buca = ReportFilters(district_id=factories.district("buca").pk)
    assert rows_of(selectors.ideas_by_status(administrator, buca))["Tümü"] == (1, 1)
    education = ReportFilters(plan_area_id=PlanArea.objects.get(slug="education").pk)
    assert rows_of(selectors.ideas_by_status(administrator, education))["Tümü"] == (2, 1)
    rows = rows_of(selectors.ideas_by_plan_area(administrator, education))
    assert rows[EDUCATION] == (2, 1)
    assert rows[VIOLENCE] == (1, 1)  # Buca's, tagged in both areas
    assert rows["Etiketlenmemiş"] == (0, 0)


def test_a_coordinator_counts_the_ideas_of_her_scope(ideas):
    konak_only = scoped(factories.StaffFactory(role="coordinator"), districts=["konak"])
    # An idea without a district is outside a district scope.
    assert rows_of(selectors.ideas_by_status(konak_only, EVERYTHING))["Tümü"] == (2, 1)
    translation_only = scoped(factories.StaffFactory(role="coordinator"), areas=["translation"])
    assert rows_of(selectors.ideas_by_status(translation_only, EVERYTHING))["Tümü"] == (1, 0)


def test_the_figures_download_as_csv(ideas, coordinator_client):
    response = coordinator_client.get("/staff/reports/ideas-by-status.csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Durum,Fikir,Etkinliğe dönüşen" in text
    assert "Hayata geçiriliyor,1,1" in text


def test_ideas_done_in_the_year_for_the_annual_report(ideas, administrator):
    factories.HoursEntryFactory(
        volunteer=factories.VolunteerFactory(),
        activity=ideas.buca.activity,
        status="approved",
        hours=Decimal("2.5"),
        date=datetime.date(2026, 10, 5),
    )
    found = selectors.ideas_done(user=administrator, filters=selectors.year_filters(2026))
    # The Buca activity is completed; Konak's is published and its shift is over: both
    # happened, the latest first.
    assert [(item.title, item.district, item.hours) for item in found] == [
        ("Gündelik hayatta eşitlik söyleşisi", "Buca", Decimal("2.5")),
        ("Şiddeti önleme atölyesi", "Konak", Decimal(0)),
    ]
    assert [item.activity_on for item in found] == [
        datetime.date(2026, 10, 5),
        datetime.date(2026, 9, 10),
    ]
    buca = ReportFilters(district_id=factories.district("buca").pk)
    in_buca = selectors.ideas_done(user=administrator, filters=selectors.year_filters(2026, buca))
    assert [item.district for item in in_buca] == ["Buca"]
    assert selectors.ideas_done(user=administrator, filters=selectors.year_filters(2025)) == []


def test_the_ideas_figures_take_four_queries_whatever_the_number_of_ideas(ideas, administrator):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            selectors.ideas_by_status(administrator, EVERYTHING)
            selectors.ideas_by_plan_area(administrator, EVERYTHING)
        return len(captured)

    scope_of(administrator)  # the reader's scope is read once per request, not per figure
    # Statuses: one; plan areas: the tagged ones, the untagged ones, the list of areas.
    assert queries() == 4
    for index in range(6):
        idea(
            title=f"Fikir {index}",
            status="accepted",
            created=istanbul(2026, 7, 1 + index),
            goals=["violence-prevention"],
        )
    assert queries() == 4
