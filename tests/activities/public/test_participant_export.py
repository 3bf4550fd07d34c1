"""An activity's participant list as CSV and XLSX: within the reader's scope, streamed, in a
fixed number of queries, and audited (the rows themselves: test_participant_list.py)."""

import pytest

from esit.audit.models import AuditEvent
from tests import factories
from tests.accounts.test_scope import scoped
from tests.spreadsheets import csv_rows, queries_of, xlsx_rows

from .conftest import make_participant

pytestmark = pytest.mark.django_db


def export_url(activity, file_format: str) -> str:
    return f"/staff/activities/{activity.pk}/participants.{file_format}"


def public_workshop(**fields):
    return factories.ActivityFactory(public_registration=True, public_capacity=50, **fields)


def test_only_the_activity_s_participants_are_exported(coordinator_client):
    workshop, other = public_workshop(), public_workshop()
    make_participant(workshop, email="a@example.org", name="Ayşe Çınar")
    make_participant(other, email="b@example.org", name="Başka Kişi")
    _header, *rows = xlsx_rows(coordinator_client.get(export_url(workshop, "xlsx")))
    assert [row[2] for row in rows] == ["Ayşe Çınar"]
    assert rows[0][0] == workshop.title_tr


def test_an_activity_outside_the_scope_is_not_found(client):
    client.force_login(scoped(factories.StaffFactory(), areas=["translation"]))
    other = public_workshop(areas=[factories.area("field-research")])
    make_participant(other, email="b@example.org")
    for file_format in ("csv", "xlsx"):
        assert client.get(export_url(other, file_format)).status_code == 404
    assert not AuditEvent.objects.filter(action="activities.participants_exported").exists()


def test_the_export_is_audited_on_the_activity_with_its_size(coordinator_client, coordinator):
    workshop = public_workshop()
    make_participant(workshop, email="a@example.org")
    make_participant(workshop, email="b@example.org", status="waitlisted")
    xlsx_rows(coordinator_client.get(export_url(workshop, "xlsx")))
    event = AuditEvent.objects.get(action="activities.participants_exported")
    assert (event.actor, event.object_id) == (coordinator, str(workshop.pk))
    assert event.summary == "2 satır dışa aktarıldı (XLSX)"


def test_the_query_count_does_not_grow_with_the_participants(
    coordinator_client, django_assert_max_num_queries, settings
):
    settings.EXPORT_CHUNK_SIZE = 10
    workshop = public_workshop()
    for number in range(5):
        make_participant(workshop, email=f"k{number}@example.org")
    few = queries_of(coordinator_client, export_url(workshop, "csv"))
    for number in range(45):
        make_participant(workshop, email=f"s{number}@example.org", status="waitlisted")
    with django_assert_max_num_queries(few):
        _header, *rows = csv_rows(coordinator_client.get(export_url(workshop, "csv")))
    assert [row[6] for row in rows[5:]] == [str(place) for place in range(1, 46)]
