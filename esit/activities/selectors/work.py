"""Reading tasks and the personal QR code: what a volunteer holds and what staff review."""

import functools
import re

import qrcode
import qrcode.image.svg
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from esit.accounts.models import User
from esit.activities.models import SignUp, Task, TaskAssignment
from esit.volunteers.models import Volunteer

from .scope import within

# What the volunteer still has to do, or is waiting to hear about.
OPEN_STATUSES = (
    TaskAssignment.Status.CLAIMED,
    TaskAssignment.Status.RETURNED,
    TaskAssignment.Status.DELIVERED,
)
# /me/tasks/ lists the work a volunteer holds or has done; given-back tasks are left out.
SHOWN_STATUSES = (*OPEN_STATUSES, TaskAssignment.Status.ACCEPTED)


def own_assignments(volunteer: Volunteer) -> QuerySet[TaskAssignment]:
    """The volunteer's tasks: open ones first (by due date), then accepted work."""
    return (
        TaskAssignment.objects.filter(volunteer=volunteer, status__in=SHOWN_STATUSES)
        .select_related("task__activity")
        .order_by("task__due_date", "id")
    )


def own_assignment(*, volunteer: Volunteer, pk: int) -> TaskAssignment:
    """One of the volunteer's own assignments; raises DoesNotExist for anyone else's."""
    return (
        TaskAssignment.objects.select_related("task__activity", "volunteer")
        .filter(volunteer=volunteer)
        .get(pk=pk)
    )


def open_assignments(volunteer: Volunteer, *, limit: int = 5) -> list[TaskAssignment]:
    return list(
        TaskAssignment.objects.filter(volunteer=volunteer, status__in=OPEN_STATUSES)
        .select_related("task__activity")
        .order_by("task__due_date", "id")[:limit]
    )


def upcoming_signups(volunteer: Volunteer, *, limit: int = 5) -> list[SignUp]:
    """The volunteer's next shifts (confirmed, pending or waitlisted), soonest first."""
    return list(
        SignUp.objects.filter(
            volunteer=volunteer,
            status__in=SignUp.ACTIVE_STATUSES,
            shift__starts_at__gt=timezone.now(),
        )
        .select_related("shift__activity")
        .order_by("shift__starts_at", "id")[:limit]
    )


def task_for_claim(pk: int) -> Task:
    return Task.objects.select_related("activity").get(pk=pk)


def task_review_queue(*, user: User) -> QuerySet[TaskAssignment]:
    """Delivered work of the user's scope waiting for a coordinator, oldest delivery first."""
    return (
        within(user, TaskAssignment.objects.all(), activity="task__activity")
        .filter(status=TaskAssignment.Status.DELIVERED)
        .select_related("task__activity", "volunteer")
        .order_by("delivered_at", "id")
    )


def reviewable_assignment(pk: int, *, user: User) -> TaskAssignment:
    return (
        within(user, TaskAssignment.objects.all(), activity="task__activity")
        .select_related("task__activity", "volunteer")
        .get(pk=pk)
    )


def _with_file() -> QuerySet[TaskAssignment]:
    return TaskAssignment.objects.select_related("volunteer").exclude(delivery_file="")


def own_delivery(*, volunteer: Volunteer, pk: int) -> TaskAssignment:
    """One of the volunteer's own assignments with a delivered file.

    Raises DoesNotExist for anyone else's, so a stranger cannot even learn the file exists.
    """
    return _with_file().filter(volunteer=volunteer).get(pk=pk)


def delivery_for_staff(pk: int, *, user: User) -> TaskAssignment:
    """An assignment of the user's scope with a delivered file; only for views behind the
    staff gate (two-factor)."""
    return within(user, _with_file(), activity="task__activity").get(pk=pk)


# Drawing a code takes some 5 ms, and a volunteer's /me/ shows hers at every visit: the
# same text draws the same picture, so the recent ones are kept (a few KB each).
@functools.lru_cache(maxsize=512)
def qr_svg(text: str) -> SafeString:
    """`text` as an inline SVG QR code (paths only: no script, no style, safe under the CSP)."""
    image = qrcode.make(
        text,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
    )
    svg = image.to_string(encoding="unicode")
    # The library writes a size in millimetres; the page's CSS decides how big it shows.
    # The picture is hidden from screen readers: the code is always printed beside it.
    svg = re.sub(r' (width|height)="[^"]*"', "", svg, count=2)
    svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return mark_safe(svg)  # noqa: S308 - built by qrcode from our own code, not user input


def personal_qr_svg(volunteer: Volunteer) -> SafeString:
    """The volunteer's check-in code as a QR; the check-in page reads exactly this text."""
    return qr_svg(volunteer.checkin_code)
