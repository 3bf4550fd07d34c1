"""The staff activity list's two exports: the activities, and the public participants of
every activity of the list, each with the list's filters and within the reader's scope."""

import pytest

from esit.audit.models import AuditEvent
from esit.core.turkish import search_key
from tests import factories
from tests.accounts.test_scope import scoped
from tests.activities.public.conftest import make_participant
from tests.spreadsheets import csv_rows, queries_of, xlsx_rows

pytestmark = pytest.mark.django_db

LIST = "/staff/activities/"
CSV, XLSX = "/staff/activities/export.csv", "/staff/activities/export.xlsx"
PEOPLE_CSV, PEOPLE_XLSX = (
    "/staff/activities/participants.csv",
    "/staff/activities/participants.xlsx",
)


def workshop(title: str, **fields):
    fields.setdefault("public_registration", True)
    fields.setdefault("public_capacity", 10)
    return factories.ActivityFactory(title_tr=title, search_text=search_key(title), **fields)


def test_the_filters_narrow_the_export_exactly_like_the_list(coordinator_client):
    workshop("Çiçekli atölye", status="published")
    workshop("Taslak söyleşi", status="draft")
    workshop("Bornova yürüyüşü", district=factories.district("bornova"))
    for query in ({"status": "draft"}, {"district": factories.district("bornova").pk}, {}):
        page = coordinator_client.get(LIST, query)
        shown = [activity.title for activity in page.context["page_obj"]]
        _header, *rows = csv_rows(coordinator_client.get(CSV, query))
        assert [row[0] for row in rows] == shown
    _header, *rows = csv_rows(coordinator_client.get(CSV, {"status": "draft"}))
    assert [row[0] for row in rows] == ["Taslak söyleşi"]
    assert rows[0][5] == "Taslak"


def test_the_export_carries_the_list_s_counts(coordinator_client):
    activity = workshop("Şiddete karşı dayanışma")
    shift = factories.ShiftFactory(activity=activity, capacity=4)
    factories.ShiftFactory(activity=activity, capacity=6)
    factories.SignUpFactory(shift=shift)
    [_header, row] = xlsx_rows(coordinator_client.get(XLSX))
    assert row[0] == "Şiddete karşı dayanışma"
    assert row[6:10] == [2, 10, 1, 10]


def test_a_scoped_coordinator_exports_only_her_activities_and_their_participants(client):
    client.force_login(scoped(factories.StaffFactory(), areas=["translation"]))
    mine = workshop("Çeviri buluşması", areas=[factories.area("translation")])
    other = workshop("Saha araştırması", areas=[factories.area("field-research")])
    make_participant(mine, email="ece@example.org", name="Ece Çelik")
    make_participant(other, email="gizli@example.org", name="Gizli Kişi")
    _header, *rows = xlsx_rows(client.get(XLSX))
    assert [row[0] for row in rows] == ["Çeviri buluşması"]
    _header, *rows = csv_rows(client.get(PEOPLE_CSV))
    assert [row[2] for row in rows] == ["Ece Çelik"]


def test_the_participants_follow_the_list_s_filters(coordinator_client):
    drafted = workshop("Taslak", status="draft")
    published = workshop("Yayında")
    make_participant(drafted, email="a@example.org", name="Aslı Taslak")
    make_participant(published, email="b@example.org", name="Büşra Yayında")
    _header, *rows = csv_rows(coordinator_client.get(PEOPLE_CSV, {"status": "published"}))
    assert [(row[0], row[2]) for row in rows] == [("Yayında", "Büşra Yayında")]


def test_waitlist_places_are_counted_per_activity(coordinator_client):
    first = workshop(
        "Birinci", starts_at=factories.in_days(9, 10), ends_at=factories.in_days(9, 12)
    )
    second = workshop(
        "İkinci", starts_at=factories.in_days(8, 10), ends_at=factories.in_days(8, 12)
    )
    make_participant(first, email="1@example.org", name="Onaylı Bir")
    make_participant(first, email="2@example.org", name="Sıra Bir", status="waitlisted")
    make_participant(first, email="3@example.org", name="Sıra İki", status="waitlisted")
    make_participant(second, email="4@example.org", name="İptal", status="cancelled")
    make_participant(second, email="5@example.org", name="Sıra Üç", status="waitlisted")
    _header, *rows = csv_rows(coordinator_client.get(PEOPLE_CSV))
    assert [(row[0], row[2], row[6]) for row in rows] == [
        ("Birinci", "Onaylı Bir", ""),
        ("Birinci", "Sıra Bir", "1"),
        ("Birinci", "Sıra İki", "2"),
        ("İkinci", "Sıra Üç", "1"),
        ("İkinci", "İptal", ""),
    ]


def test_titles_and_names_that_would_run_as_formulas_are_text(coordinator_client):
    activity = workshop("=WEBSERVICE(1)")
    make_participant(activity, email="f@example.org", name="+90 Kişi")
    [_h, csv_row] = csv_rows(coordinator_client.get(CSV))
    [_h, xlsx_row] = xlsx_rows(coordinator_client.get(XLSX))
    assert csv_row[0] == "'" + xlsx_row[0] == "'=WEBSERVICE(1)"  # XLSX: a string cell
    [_h, csv_row] = csv_rows(coordinator_client.get(PEOPLE_CSV))
    [_h, xlsx_row] = xlsx_rows(coordinator_client.get(PEOPLE_XLSX))
    assert csv_row[:3] == ["'=WEBSERVICE(1)", csv_row[1], "'+90 Kişi"]
    assert xlsx_row[:3] == ["=WEBSERVICE(1)", csv_row[1], "+90 Kişi"]


def test_both_exports_are_audited_with_their_filters_and_sizes(coordinator_client, coordinator):
    activity = workshop("Atölye")
    workshop("Söyleşi")
    make_participant(activity, email="a@example.org")
    make_participant(activity, email="b@example.org")
    csv_rows(coordinator_client.get(CSV, {"status": "published"}))
    xlsx_rows(coordinator_client.get(PEOPLE_XLSX, {"q": "Atölye"}))
    listed = AuditEvent.objects.get(action="activities.exported")
    people = AuditEvent.objects.get(action="activities.participants_exported")
    assert listed.actor == people.actor == coordinator
    assert listed.summary == "2 satır dışa aktarıldı (CSV); süzgeçler: status=published"
    assert people.summary == "2 satır dışa aktarıldı (XLSX); süzgeç yok; arama kullanıldı"


def test_the_query_counts_do_not_grow_with_the_rows(
    coordinator_client, django_assert_max_num_queries, settings
):
    settings.EXPORT_CHUNK_SIZE = 10
    for number in range(5):
        make_participant(workshop(f"Atölye {number}"), email=f"k{number}@example.org")
    few, few_people = (
        queries_of(coordinator_client, CSV),
        queries_of(coordinator_client, PEOPLE_CSV),
    )
    for number in range(45):
        make_participant(workshop(f"Söyleşi {number}"), email=f"s{number}@example.org")
    with django_assert_max_num_queries(few):
        _header, *rows = csv_rows(coordinator_client.get(CSV))
    assert len(rows) == 50
    with django_assert_max_num_queries(few_people):
        _header, *rows = csv_rows(coordinator_client.get(PEOPLE_CSV))
    assert len(rows) == 50


def test_the_list_links_its_downloads_with_its_filters(coordinator_client):
    workshop("Atölye")
    page = coordinator_client.get(LIST, {"status": "published"}).content.decode()
    for url in (CSV, XLSX, PEOPLE_CSV, PEOPLE_XLSX):
        assert f'href="{url}?status=published"' in page
