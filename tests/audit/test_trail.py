"""The audit trail: explicit records, append-only, readable by those with the capability."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.utils import timezone

from esit.audit import actions, services
from esit.audit.models import AppendOnly, AuditEvent
from esit.core.network import hash_ip

actions.register("tests.looked_at", "Looked at a record (tests)")
actions.register("tests.changed", "Changed a record (tests)")


def an_event(**kwargs):
    return services.record(**{"action": "tests.looked_at", "summary": "Açtı.", **kwargs})


def request_from(address: str):
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    return request


def test_an_event_names_who_what_whose_and_from_where(coordinator, volunteer):
    event = services.record(
        action="tests.changed",
        actor=coordinator,
        obj=volunteer.user,
        person=volunteer,
        summary="Telefon ve ilçe değişti.",
        request=request_from("203.0.113.9"),
    )

    event.refresh_from_db()
    assert event.actor == coordinator
    assert (event.object_type, event.object_id) == ("accounts.user", str(volunteer.user.pk))
    assert (event.person_type, event.person_id) == ("volunteers.volunteer", str(volunteer.pk))
    assert event.summary == "Telefon ve ilçe değişti."
    assert event.client_address == hash_ip("203.0.113.9")
    assert "203.0.113.9" not in event.client_address


def test_the_address_is_never_kept_in_full_and_may_be_left_out(db, settings):
    """Client addresses are stored only as keyed hashes: a former "full" setting hashes."""
    settings.AUDIT_CLIENT_ADDRESS = "full"
    assert an_event(request=request_from("203.0.113.9")).client_address == hash_ip("203.0.113.9")
    settings.AUDIT_CLIENT_ADDRESS = "none"
    assert an_event(request=request_from("203.0.113.9")).client_address == ""


def test_an_unregistered_action_is_refused(db):
    with pytest.raises(LookupError):
        services.record(action="tests.never_registered", summary="…")
    assert not AuditEvent.objects.exists()


def test_an_event_cannot_be_changed_or_deleted_through_the_models(db):
    event = an_event()
    event.summary = "Başka bir şey."
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(summary="x")
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.summary == "Açtı."


def test_the_database_refuses_a_raw_update(db):
    event = an_event()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET summary = 'x' WHERE id = %s", [event.pk])
    event.refresh_from_db()
    assert event.summary == "Açtı."


def test_postgresql_refuses_a_raw_delete_outside_the_purge(db):
    """SQLite (development only) relies on the model layer here: Django's test flush empties
    its tables with DELETE, which a delete trigger would block (migration 0002)."""
    event = an_event()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with pytest.raises(DatabaseError), transaction.atomic():
                cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
            assert AuditEvent.objects.filter(pk=event.pk).exists()
        else:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = %s", ["audit_event_no_delete"]
            )
            assert cursor.fetchone() == (0,)


def test_the_retention_purge_deletes_only_events_older_than_its_limit(db):
    old = AuditEvent.objects.create(
        action="tests.looked_at", summary="Eski.", at=timezone.now() - datetime.timedelta(days=400)
    )
    recent = an_event()

    deleted = services.purge_before(timezone.now() - datetime.timedelta(days=365))

    assert deleted == 1
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
