"""Writing the audit trail. Services and views call `record()` explicitly, in the same
transaction as the change they record, so an event exists exactly when its change does."""

import datetime
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.db.models import Model
from django.http import HttpRequest
from django_stubs_ext import StrOrPromise

from esit.accounts.models import User
from esit.core.network import client_ip, hash_ip

from . import actions
from .models import AuditEvent, PurgePermit, label_of

SUMMARY_MAX = 300

# The request being answered, set by AuditRequestMiddleware (None in commands and tasks).
current_request: ContextVar[HttpRequest | None] = ContextVar("esit_audit_request", default=None)


def _client_address(request: HttpRequest | None) -> str:
    """The address as the deployment chose (AUDIT_CLIENT_ADDRESS): a keyed hash, or none.

    Never the address itself: client addresses are stored only as keyed hashes (KVKK), so an
    old "full" setting is read as "hash".
    """
    if request is None:
        return ""
    mode = getattr(settings, "AUDIT_CLIENT_ADDRESS", "hash")
    if mode == "none":
        return ""
    address = client_ip(request)
    if not address:
        return ""
    return hash_ip(address)


def record(
    *,
    action: str,
    actor: User | AnonymousUser | None = None,
    obj: Model | None = None,
    person: Model | None = None,
    summary: StrOrPromise,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Write one event: who (`actor`, None for the system or a person without an account),
    did what (`action`, registered in esit/audit/actions.py), to which record (`obj`), about
    whom (`person`: the Application, Volunteer, Participant or User the data belongs to), in
    a short summary in words. The summary names counts and fields, never a person's details.
    """
    actions.get(action)  # refuses an action nobody registered
    # Every account is authenticated; an anonymous visitor is recorded as nobody, as the system is.
    account = actor if isinstance(actor, User) else None
    return AuditEvent.objects.create(
        actor=account,
        action=action,
        object_type=label_of(obj) if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        person_type=label_of(person) if person is not None else "",
        person_id=str(person.pk) if person is not None else "",
        summary=str(summary)[:SUMMARY_MAX],
        client_address=_client_address(request or current_request.get()),
    )


def purge_before(moment: datetime.datetime) -> int:
    """Delete the events older than `moment`; only the retention rules call this.

    The permit row exists only inside this transaction: on PostgreSQL the delete
    trigger refuses any deletion that does not see it.
    """
    with transaction.atomic():
        permit = PurgePermit.objects.create()
        # QuerySet.delete() is refused on purpose: the purge is the one statement that deletes.
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {AuditEvent._meta.db_table} WHERE at < %s",  # noqa: S608 - our table name
                # Adapted as the ORM adapts it: SQLite compares datetimes as UTC text, and an
                # aware datetime with another offset would compare wrongly.
                [connection.ops.adapt_datetimefield_value(moment)],
            )
            deleted: int = cursor.rowcount
        PurgePermit.objects.filter(pk=permit.pk).delete()
    return deleted
