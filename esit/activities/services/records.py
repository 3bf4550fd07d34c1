"""Volunteers' records (models.VolunteerRecord): how many of her shifts each came to, and her
recent approved hours, rebuilt from the sign-ups and hours themselves.

A row is rebuilt whenever one of her sign-ups' attendance changes or one of her approved
hours entries comes, changes or goes (the receivers below, connected in apps.py, and the
services that write many rows at once), and every row once a day (`refresh_all`, for the
window of recent hours that moves with the days). The rebuild locks her row first, so two
changes at once cannot leave the counts of the one that read earlier.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min, Q, Sum
from django.utils import timezone

from esit.volunteers.models import Volunteer

from ..models import HoursEntry, SignUp, VolunteerRecord
from . import locks

DECIDED = (SignUp.Attendance.ATTENDED, SignUp.Attendance.NO_SHOW)
BATCH = 2000
# `recent_until` of a sum no entry will leave: a day nobody reaches.
FOREVER = datetime.date(9999, 12, 31)


def recent_days() -> int:
    return settings.MATCHING_FAIR_SHARE_DAYS


def recent_since(today: datetime.date | None = None) -> datetime.date:
    """The first day of the recent hours' window on `today`."""
    return (today or timezone.localdate()) - datetime.timedelta(days=recent_days())


# The volunteers whose records wait for the end of a `batch()`, when one is open.
_waiting: ContextVar[set[int] | None] = ContextVar("records_waiting", default=None)


@contextmanager
def batch() -> Iterator[None]:
    """Rebuild once, at the end, the records of everyone whose work changed inside: for a
    service that changes many rows one by one (approving a page of hours). Open it inside
    the transaction that makes the changes, so the records change with them."""
    if _waiting.get() is not None:  # already inside one: the outer rebuilds
        yield
        return
    waiting: set[int] = set()
    token = _waiting.set(waiting)
    try:
        yield
    finally:
        _waiting.reset(token)
    refresh(waiting)


def refresh(volunteer_ids: Iterable[int]) -> None:
    """Rebuild these volunteers' records (five queries for any number up to BATCH)."""
    waiting = _waiting.get()
    if waiting is not None:
        waiting.update(volunteer_ids)
        return
    ids = sorted(set(volunteer_ids))
    for start in range(0, len(ids), BATCH):
        _refresh(ids[start : start + BATCH])


def refresh_all(progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild every volunteer's record; the daily run. Returns how many; `progress(done,
    total)` hears of each BATCH."""
    ids = list(Volunteer.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        refresh(ids[start : start + BATCH])
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids))
    return len(ids)


def _refresh(ids: list[int]) -> None:
    if not ids:
        return
    now = timezone.now()
    days = recent_days()
    with transaction.atomic():
        VolunteerRecord.objects.bulk_create(
            [
                VolunteerRecord(volunteer_id=pk, recent_until=FOREVER, refreshed_at=now)
                for pk in ids
            ],
            ignore_conflicts=True,
        )
        # Counted after the lock: a change committed meanwhile is in what this reads.
        list(
            locks.records_for_update()
            .filter(volunteer_id__in=ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        attendance = {
            row["volunteer_id"]: row
            for row in SignUp.objects.filter(volunteer_id__in=ids, attendance__in=DECIDED)
            .order_by()
            .values("volunteer_id")
            .annotate(
                attended=Count("pk", filter=Q(attendance=SignUp.Attendance.ATTENDED)),
                decided=Count("pk"),
            )
        }
        hours = {
            row["volunteer_id"]: row
            for row in HoursEntry.objects.filter(
                volunteer_id__in=ids,
                status=HoursEntry.Status.APPROVED,
                date__gte=recent_since(timezone.localdate(now)),
            )
            .order_by()
            .values("volunteer_id")
            .annotate(total=Sum("hours"), oldest=Min("date"))
        }
        rows = []
        for pk in ids:
            counts = attendance.get(pk)
            recent = hours.get(pk)
            rows.append(
                VolunteerRecord(
                    volunteer_id=pk,
                    attended=counts["attended"] if counts else 0,
                    decided=counts["decided"] if counts else 0,
                    recent_hours=recent["total"] if recent else 0,
                    recent_days=days,
                    recent_until=(
                        recent["oldest"] + datetime.timedelta(days=days) if recent else FOREVER
                    ),
                    refreshed_at=now,
                )
            )
        _write(rows)


def _write(rows: list[VolunteerRecord]) -> None:
    # One INSERT … ON CONFLICT UPDATE: bulk_update's CASE per row took minutes for all.
    VolunteerRecord.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["volunteer"],
        update_fields=[
            "attended",
            "decided",
            "recent_hours",
            "recent_days",
            "recent_until",
            "refreshed_at",
        ],
    )


# Receivers (apps.py) ---------------------------------------------------------------------------


def signup_saved(
    sender: Any, *, instance: SignUp, created: bool, update_fields: Any = None, **kwargs: Any
) -> None:
    if update_fields is not None and "attendance" not in update_fields:
        return
    stored = None if created else getattr(instance, "_stored_attendance", "?")
    if created and instance.attendance not in DECIDED:
        return
    if stored != instance.attendance:
        refresh([instance.volunteer_id])
    instance._stored_attendance = instance.attendance  # type: ignore[attr-defined]  # see from_db


def signup_deleted(sender: Any, *, instance: SignUp, origin: Any = None, **kwargs: Any) -> None:
    if getattr(instance, "_stored_attendance", instance.attendance) in DECIDED:
        _refresh_unless_of_her(instance.volunteer_id, origin)


def hours_saved(sender: Any, *, instance: HoursEntry, created: bool, **kwargs: Any) -> None:
    stored = None if created else getattr(instance, "_stored_counted", "?")
    counted = instance.counted()
    if stored != counted:
        before = stored[0] if isinstance(stored, tuple) else None
        refresh(pk for pk in (instance.volunteer_id, before) if pk is not None)
    instance._stored_counted = counted  # type: ignore[attr-defined]  # see from_db


def hours_deleted(sender: Any, *, instance: HoursEntry, origin: Any = None, **kwargs: Any) -> None:
    if getattr(instance, "_stored_counted", instance.counted()) is not None:
        _refresh_unless_of_her(instance.volunteer_id, origin)


def _refresh_unless_of_her(volunteer_id: int, origin: Any) -> None:
    """After a deletion, unless it is her profile's own (her record goes with it)."""
    model = getattr(origin, "model", type(origin))
    if not (isinstance(model, type) and issubclass(model, Volunteer)):
        refresh([volunteer_id])
