"""Reading the audit trail: newest first, filtered, a page at a time however long it grows.

Pages are cut by id ("older than event N"), never by OFFSET and never counted:
at a million events both would scan the table. Each filter is served by one of
the model's indexes (person, actor, action, time).
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from esit.core.dates import start_of_day
from esit.privacy.registry import DataSubject, records_about

from .models import AuditEvent, label_of

PAGE_SIZE = 50


@dataclass(frozen=True)
class TrailFilters:
    person_email: str = ""
    actor: object = None  # a staff User
    action: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    older_than: int | None = None  # the id the previous page ended at


def people_with_email(email: str) -> list:
    """Every record the personal-data registry knows under this address."""
    if not email:
        return []
    users = list(get_user_model().objects.filter(email=email))
    subject = DataSubject(user=users[0] if users else None, emails=frozenset({email}))
    return records_about(subject)


def _about(records) -> Q:
    condition = Q(pk__in=[])
    for record in records:
        condition |= Q(person_type=label_of(record), person_id=str(record.pk))
    return condition


@dataclass(frozen=True)
class TrailPage:
    events: list[AuditEvent]
    next_older_than: int | None  # the `older_than` of the next page, None on the last


def audit_trail(filters: TrailFilters, *, page_size: int = PAGE_SIZE) -> TrailPage:
    queryset: QuerySet[AuditEvent] = AuditEvent.objects.select_related("actor").order_by("-id")
    if filters.person_email:
        queryset = queryset.filter(_about(people_with_email(filters.person_email)))
    if filters.actor is not None:
        queryset = queryset.filter(actor=filters.actor)
    if filters.action:
        queryset = queryset.filter(action=filters.action)
    if filters.date_from is not None:
        queryset = queryset.filter(at__gte=start_of_day(filters.date_from))
    if filters.date_to is not None:
        queryset = queryset.filter(
            at__lt=start_of_day(filters.date_to + datetime.timedelta(days=1))
        )
    if filters.older_than is not None:
        queryset = queryset.filter(pk__lt=filters.older_than)
    events = list(queryset[: page_size + 1])
    more = len(events) > page_size
    events = events[:page_size]
    return TrailPage(events=events, next_older_than=events[-1].pk if more else None)


def events_about(*people, limit: int = 50) -> list[AuditEvent]:
    """The latest events about a person (for their staff page), across their records."""
    return list(AuditEvent.objects.about(*people).select_related("actor").order_by("-id")[:limit])
