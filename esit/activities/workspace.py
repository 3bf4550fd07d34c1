"""What activities adds to the pages several apps share: the staff menu, the staff front
page, a volunteer's /me/ and the home page (esit/core/menus.py, esit/core/panels.py)."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from esit.core import menus, panels, versions

from .selectors import dashboard, hours, public, work
from .selectors.scope import APPROVE_HOURS, RUN_ACTIVITIES
from .versions import ACTIVITIES_VERSION, PLACES_VERSION

HOME_UPCOMING = 3


@dataclass(frozen=True)
class MyWork:
    checkin_qr: SafeString
    upcoming_signups: list
    open_assignments: list


@dataclass(frozen=True)
class MyHours:
    by_area: list
    by_month: list
    approved_total: Decimal


def _next_shifts(request):
    return {
        "next": dashboard.shifts_today_and_tomorrow(user=request.user),
        "today": timezone.localdate(),
    }


def _to_review(request):
    """Deliveries belong to running activities (the panel's capability); the hours line is
    shown only to those who may approve hours."""
    user = request.user
    return {
        "hours": dashboard.hours_waiting(user=user) if user.has_perm(APPROVE_HOURS) else None,
        "deliveries": dashboard.deliveries_waiting(user=user),
    }


def _my_work(request, *, volunteer):
    """Only while they take part: the code to show at the door, the next shifts, open tasks."""
    if not volunteer.is_active:
        return None
    return {
        "volunteer": volunteer,
        "work": MyWork(
            checkin_qr=work.personal_qr_svg(volunteer),
            upcoming_signups=work.upcoming_signups(volunteer),
            open_assignments=work.open_assignments(volunteer),
        ),
    }


def _my_hours(request, *, volunteer):
    """Approved hours stay theirs after they leave: the certificate is always there."""
    by_area = hours.approved_totals_by_area(volunteer)
    return {
        "volunteer": volunteer,
        "hours": MyHours(
            by_area=by_area,
            by_month=hours.approved_totals_by_month(volunteer),
            approved_total=hours.total_of(by_area),
        ),
    }


def _upcoming(request):
    """The same for everyone: read once per content version of activities and places."""
    upcoming = versions.cached(
        "activities:home_upcoming",
        (ACTIVITIES_VERSION, PLACES_VERSION),
        lambda: list(public.upcoming(public.public_activities())[:HOME_UPCOMING]),
        timeout=settings.PUBLIC_PAGE_CACHE_SECONDS,
    )
    return {"upcoming": upcoming}


def register() -> None:
    for key, label, url_name, permission, order, current_for in [
        (
            "activities.planning",
            _("Etkinlikler"),
            "planning:list",
            RUN_ACTIVITIES,
            30,
            ("planning", "signups"),
        ),
        ("activities.hours", _("Saat onayları"), "work:hours_queue", APPROVE_HOURS, 40, ()),
        (
            "activities.deliveries",
            _("Görev teslimleri"),
            "work:task_review",
            RUN_ACTIVITIES,
            50,
            (),
        ),
    ]:
        menus.register(
            menus.MenuItem(
                key=key,
                label=label,
                url_name=url_name,
                permission=permission,
                order=order,
                current_for=current_for,
            )
        )
    panels.register(
        "staff",
        panels.Panel(
            key="activities.next_shifts",
            template="activities/panels/next_shifts.html",
            context=_next_shifts,
            order=10,
            permission=RUN_ACTIVITIES,
        ),
    )
    panels.register(
        "staff",
        panels.Panel(
            key="activities.to_review",
            template="activities/panels/to_review.html",
            context=_to_review,
            order=30,
            permission=RUN_ACTIVITIES,
        ),
    )
    panels.register(
        "me",
        panels.Panel(
            key="activities.my_work",
            template="activities/panels/my_work.html",
            context=_my_work,
            order=10,
        ),
    )
    panels.register(
        "me",
        panels.Panel(
            key="activities.my_hours",
            template="activities/panels/my_hours.html",
            context=_my_hours,
            order=20,
        ),
    )
    panels.register(
        "home",
        panels.Panel(
            key="activities.upcoming",
            template="activities/panels/upcoming.html",
            context=_upcoming,
            order=10,
        ),
    )
