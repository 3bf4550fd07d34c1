"""iCalendar feeds: the public feed of activities, and each volunteer's private feed of shifts.

Events keep one UID for life (the activity's `uid`, or the sign-up's ids), so
a calendar app updates an edited event instead of duplicating it; SEQUENCE
and LAST-MODIFIED follow the activity's last edit. Times are written in
Europe/Istanbul with the VTIMEZONE that describes it.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from esit.core.confirm import confirmation_page
from esit.volunteers.permissions import volunteer_view

from ..models import Activity, SignUp
from ..selectors import public as selectors
from ..services import participants as services

UID_DOMAIN = "esit-izmir"
PRODID = "-//İzmir Büyükşehir Belediyesi//Eşit İzmir//TR"


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _sequence(activity: Activity) -> int:
    """Grows with every edit of the activity, from 0 when it was created."""
    return max(int((activity.updated_at - activity.created_at).total_seconds()), 0)


def _location(activity: Activity) -> str:
    if activity.address:
        return f"{activity.address}, {activity.district.name}"
    return activity.online_url or activity.district.name


def _event(*, uid: str, activity: Activity, starts_at, ends_at, status: str, summary: str):
    zone = _zone()
    event = icalendar.Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("summary", summary)
    event.add("dtstart", starts_at.astimezone(zone))
    event.add("dtend", ends_at.astimezone(zone))
    event.add("dtstamp", activity.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", activity.updated_at.astimezone(datetime.UTC))
    event.add("sequence", _sequence(activity))
    event.add("status", status)
    event.add("location", _location(activity))
    event.add("description", activity.description)
    event.add("categories", [activity.kind.name])
    event.add("url", settings.SITE_URL + reverse("activities:detail", args=[activity.pk]))
    return event


def _ics_response(calendar: icalendar.Calendar, filename: str, *, private: bool) -> HttpResponse:
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        response.headers["Cache-Control"] = "private, no-store"
        response.headers["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def public_calendar(request):
    calendar = _calendar(_("Eşit İzmir etkinlikleri"))
    for activity in selectors.calendar_activities():
        status = "CANCELLED" if activity.status == Activity.Status.CANCELLED else "CONFIRMED"
        calendar.add_component(
            _event(
                uid=str(activity.uid),
                activity=activity,
                starts_at=activity.starts_at,
                ends_at=activity.ends_at,
                status=status,
                summary=activity.title,
            )
        )
    return _ics_response(calendar, "esit-izmir.ics", private=False)


def _signup_status(signup: SignUp) -> str:
    if signup.status == SignUp.Status.CANCELLED:
        return "CANCELLED"
    if signup.shift.activity.status == Activity.Status.CANCELLED:
        return "CANCELLED"
    return "TENTATIVE" if signup.status == SignUp.Status.PENDING else "CONFIRMED"


@require_GET
def volunteer_calendar(request, token: str):
    """No sign-in (calendar apps cannot sign in): the unguessable token is the key."""
    volunteer = selectors.volunteer_by_calendar_token(token=token)
    if volunteer is None:
        raise Http404(_("Takvim bulunamadı."))
    calendar = _calendar(_("Eşit İzmir vardiyalarım"))
    for signup in selectors.calendar_signups(volunteer=volunteer):
        shift = signup.shift
        calendar.add_component(
            _event(
                uid=f"shift-{shift.pk}-signup-{signup.pk}",
                activity=shift.activity,
                starts_at=shift.starts_at,
                ends_at=shift.ends_at,
                status=_signup_status(signup),
                summary=shift.activity.title,
            )
        )
    return _ics_response(calendar, "esit-izmir-vardiyalarim.ics", private=True)


def _feed_url(volunteer) -> str:
    return settings.SITE_URL + reverse(
        "activities:volunteer_calendar", args=[volunteer.calendar_token]
    )


@require_GET
@volunteer_view(active_only=True)
def my_calendar(request, volunteer):
    feed_url = _feed_url(volunteer)
    webcal_url = "webcal://" + feed_url.split("://", 1)[-1]
    return render(
        request,
        "activities/public/my_calendar.html",
        {"feed_url": feed_url, "webcal_url": webcal_url},
    )


@require_POST
@volunteer_view(active_only=True)
def reset_calendar_token(request, volunteer):
    asked = confirmation_page(
        request,
        title=_("Takvim adresiniz yenilensin mi?"),
        message=_(
            "Eski adres hemen çalışmaz olur: onu ekleyen takvim uygulamaları vardiyalarınızı "
            "artık göremez. Yeni adresi takvim uygulamanıza yeniden eklemeniz gerekir."
        ),
        confirm_label=_("Evet, adresimi yenile"),
        back_url=reverse("activities:my_calendar"),
    )
    if asked is not None:
        return asked
    services.reset_calendar_token(volunteer=volunteer)
    messages.success(
        request,
        _(
            "Takvim adresiniz yenilendi; eski adres artık çalışmıyor. Takvim uygulamanıza "
            "yeni adresi ekleyin."
        ),
    )
    return redirect("activities:my_calendar")
