"""A scoped coordinator's report counts only her scope, and the report's cost in queries does
not grow with the programme."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from esit.accounts.standing import standing_of
from esit.reports import selectors
from esit.reports.selectors import ReportFilters
from tests import factories
from tests.accounts.test_scope import scoped
from tests.reports.conftest import idea, istanbul, rows_of, volunteer

EVERYTHING = ReportFilters()


def test_a_coordinator_scoped_to_konak_counts_only_konak(programme):
    konak_only = scoped(factories.StaffFactory(role="coordinator"), districts=["konak"])
    report = selectors.impact_report(user=konak_only, filters=EVERYTHING)
    districts = rows_of(report.figure("volunteers-by-district"))
    assert districts["Konak"][0] == 6
    assert districts["Buca"][0] == 0
    # The Buca activity is outside her scope, and so are its shifts and participants.
    assert list(rows_of(report.figure("activities-by-month"))) == ["2026-09"]
    assert rows_of(report.figure("participation-by-district"))["Buca"] == (0, 0, 0, 0, 0)
    # The man's hours were in Buca's activity-less work and his district is Buca.
    assert rows_of(report.figure("hours-by-gender"))["Erkek"] == (Decimal(0), 0)


def test_a_coordinator_scoped_to_translation_sees_no_workshop_activity(programme):
    translation_only = scoped(factories.StaffFactory(role="coordinator"), areas=["translation"])
    report = selectors.impact_report(user=translation_only, filters=EVERYTHING)
    # Both activities are Workshops (the factories' area) with no Translation shift.
    assert report.figure("activities-by-month").rows == ()
    hours = rows_of(report.figure("hours-by-month"))
    assert hours["2026-09"][0] == Decimal(15)  # the women's Translation hours
    assert rows_of(report.figure("hours-by-gender"))["Erkek"] == (Decimal(0), 0)


def test_a_filter_cannot_reach_outside_the_scope(programme):
    konak_only = scoped(factories.StaffFactory(role="coordinator"), districts=["konak"])
    buca = ReportFilters(district_id=factories.district("buca").pk)
    report = selectors.impact_report(user=konak_only, filters=buca)
    assert rows_of(report.figure("volunteers-by-district")) == {"Buca": (0, 0, 0, 0, 0, 0, 0)}
    assert report.figure("activities-by-month").rows == ()


def _queries(user) -> int:
    """Queries of one report; the reader's scope comes with her standing, read afresh here
    (a change to it shows) but before counting, as a request finds it kept in the cache."""
    user.__dict__.pop("_esit_standing", None)
    standing_of(user)
    with CaptureQueriesContext(connection) as queries:
        selectors.impact_report(user=user, filters=EVERYTHING)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_data(ideas, administrator):
    before = _queries(administrator)
    # Ten more volunteers in other districts with hours, sign-ups and applications, and ten
    # more ideas in other statuses, districts and plan areas, spread over new weeks and months.
    for index in range(10):
        person = volunteer(district=["bornova", "urla", "tire"][index % 3], age=20 + index * 4)
        factories.HoursEntryFactory(
            volunteer=person,
            status="approved",
            date=datetime.date(2026, 6 + index % 3, 1 + index),
        )
        factories.SignUpFactory(volunteer=person, attendance="attended")
        factories.ApplicationFactory(gender="woman")
        idea(
            title=f"Fikir {index}",
            status=["accepted", "under_review"][index % 2],
            created=istanbul(2026, 6 + index % 3, 1 + index),
            district=["bornova", "urla", "tire"][index % 3],
            goals=["violence-prevention", "education-equality-education"][: index % 3],
        )
    assert _queries(administrator) == before


def test_a_scoped_report_costs_the_same_number_of_queries_at_any_size(programme):
    konak_only = scoped(factories.StaffFactory(role="coordinator"), districts=["konak"])
    before = _queries(konak_only)
    for _index in range(8):
        factories.HoursEntryFactory(
            volunteer=volunteer(), status="approved", date=datetime.date(2026, 11, 2)
        )
    assert _queries(konak_only) == before
