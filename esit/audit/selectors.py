"""Reading the audit trail: newest first, a page at a time however long it grows.

Pages are cut by id ("older than event N"), never by OFFSET and never counted:
at a million events both would scan the table. Each filter (esit/audit/filters.py)
is served by one of the model's indexes (person, actor, action, time).
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet

from esit.core.personal_data_registry import DataSubject, records_about

from . import actions
from .models import AuditEvent, label_of

PAGE_SIZE = 50


def trail(*, reader: Any = None) -> QuerySet[AuditEvent]:
    """Every event this reader may see (actions registered with a permission she lacks are
    left out, esit/audit/actions.py)."""
    return (
        AuditEvent.objects.exclude(action__in=actions.hidden_from(reader))
        .select_related("actor")
        .order_by("-id")
    )


def people_with_email(email: str) -> list[Model]:
    """Every record that stands for a person under this address (the personal-data registry)."""
    if not email:
        return []
    users = list(get_user_model().objects.filter(email=email))
    subject = DataSubject(user=users[0] if users else None, emails=frozenset({email}))
    return records_about(subject)


def about_people_with_email(queryset: QuerySet[AuditEvent], email: str) -> QuerySet[AuditEvent]:
    condition = Q(pk__in=[])
    for record in people_with_email(email):
        condition |= Q(person_type=label_of(record), person_id=str(record.pk))
    return queryset.filter(condition)


@dataclass(frozen=True)
class TrailPage:
    events: list[AuditEvent]
    next_older_than: int | None  # the `older_than` of the next page, None on the last


def page_of(
    queryset: QuerySet[AuditEvent], *, older_than: int | None, page_size: int = PAGE_SIZE
) -> TrailPage:
    if older_than is not None:
        queryset = queryset.filter(pk__lt=older_than)
    events = list(queryset.order_by("-id")[: page_size + 1])
    more = len(events) > page_size
    events = events[:page_size]
    return TrailPage(events=events, next_older_than=events[-1].pk if more else None)


def events_about(*people: Model, limit: int = 50, reader: Any = None) -> list[AuditEvent]:
    """The latest events about a person (for their staff page), across their records, that
    this reader may see (None: only the events every reader may see)."""
    return list(
        AuditEvent.objects.about(*people)
        .exclude(action__in=actions.hidden_from(reader))
        .select_related("actor")
        .order_by("-id")[:limit]
    )
