"""iCalendar feeds: the public feed of activities, and each volunteer's private feed of shifts.

Events keep one UID for life (the activity's `uid`, or the sign-up's ids), so
a calendar app updates an edited event instead of duplicating it; SEQUENCE
and LAST-MODIFIED follow the activity's last edit. Times are written in
Europe/Istanbul with the VTIMEZONE that describes it.
"""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from esit.core import versions
from esit.core.confirm import confirmation_page
from esit.volunteers.permissions import volunteer_view

from ..models import Activity, SignUp
from ..selectors import public as selectors
from ..services import participants as services
from ..versions import ACTIVITIES_VERSION, signups_version

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


def _sequence(event: selectors.CalendarEvent) -> int:
    """Grows with every edit of the activity, from 0 when it was created."""
    edited = event["activity_updated_at"] - event["activity_created_at"]
    return max(int(edited.total_seconds()), 0)


def _in_language(event: selectors.CalendarEvent, field: str) -> str:
    english = event[f"{field}_en"]  # type: ignore[literal-required]
    return english if get_language() == "en" and english else event[f"{field}_tr"]  # type: ignore[literal-required]


def _location(event: selectors.CalendarEvent) -> str:
    district = _in_language(event, "district")
    if event["address"]:
        return f"{event['address']}, {district}"
    return event["online_url"] or district


def _description(event: selectors.CalendarEvent, url: str) -> str:
    """A few words of the description and the link to the whole of it."""
    text = " ".join(_in_language(event, "excerpt").split())
    if len(text) > selectors.FEED_EXCERPT:
        text = text[: selectors.FEED_EXCERPT].rsplit(" ", 1)[0] + "…"
    return f"{text}\n\n{url}" if text else url


def _event(event: selectors.CalendarEvent, *, status: str) -> icalendar.Event:
    zone = _zone()
    url = settings.SITE_URL + reverse("activities:detail", args=[event["activity_id"]])
    component = icalendar.Event()
    component.add("uid", f"{event['uid']}@{UID_DOMAIN}")
    component.add("summary", _in_language(event, "title"))
    component.add("dtstart", event["starts_at"].astimezone(zone))
    component.add("dtend", event["ends_at"].astimezone(zone))
    component.add("dtstamp", event["activity_updated_at"].astimezone(datetime.UTC))
    component.add("last-modified", event["activity_updated_at"].astimezone(datetime.UTC))
    component.add("sequence", _sequence(event))
    component.add("status", status)
    component.add("location", _location(event))
    component.add("description", _description(event, url))
    component.add("categories", [_in_language(event, "kind")])
    component.add("url", url)
    return component


@dataclass(frozen=True)
class BuiltFeed:
    """A feed as the cache keeps it: its bytes and what conditional requests are answered by."""

    body: bytes
    etag: str
    last_modified: int | None


def _built(calendar: icalendar.Calendar, events: list[selectors.CalendarEvent]) -> BuiltFeed:
    calendar.add_missing_timezones()
    body = calendar.to_ical()
    changed = max((event["activity_updated_at"] for event in events), default=None)
    return BuiltFeed(
        body=body,
        etag=quote_etag(hashlib.sha256(body).hexdigest()[:32]),
        last_modified=int(changed.timestamp()) if changed else None,
    )


def _cached(key: str, build: Callable[[], BuiltFeed]) -> BuiltFeed:
    feed = cache.get(key)
    if not isinstance(feed, BuiltFeed):
        feed = build()
        cache.set(key, feed, settings.CALENDAR_FEED_CACHE_SECONDS)
    return feed


def _ics_response(request, feed: BuiltFeed, filename: str, *, private: bool) -> HttpResponse:
    """The feed, or 304 Not Modified when the calendar app already has this one."""
    response = get_conditional_response(
        request, etag=feed.etag, last_modified=feed.last_modified
    ) or HttpResponse(feed.body, content_type="text/calendar; charset=utf-8")
    response.headers["ETag"] = feed.etag
    if feed.last_modified is not None:
        response.headers["Last-Modified"] = http_date(feed.last_modified)
    if response.status_code == 200:
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        response.headers["Cache-Control"] = "private, no-store"
        response.headers["X-Robots-Tag"] = "noindex"
    return response


def _public_feed() -> BuiltFeed:
    calendar = _calendar(_("Eşit İzmir etkinlikleri"))
    events = selectors.calendar_events()
    for event in events:
        status = "CANCELLED" if event["status"] == Activity.Status.CANCELLED else "CONFIRMED"
        calendar.add_component(_event(event, status=status))
    return _built(calendar, events)


@require_GET
def public_calendar(request):
    """Built once per language and content version (any change to an activity or a shift
    draws a new one), then answered from the cache, or with 304 to a calendar app that has
    it already."""
    key = f"esit:feed:public:{get_language()}:{versions.version(ACTIVITIES_VERSION)}"
    feed = _cached(key, _public_feed)
    return _ics_response(request, feed, "esit-izmir.ics", private=False)


def _signup_status(event: selectors.CalendarEvent) -> str:
    if event["status"] == SignUp.Status.CANCELLED:
        return "CANCELLED"
    if event["activity_status"] == Activity.Status.CANCELLED:
        return "CANCELLED"
    return "TENTATIVE" if event["status"] == SignUp.Status.PENDING else "CONFIRMED"


def _private_feed(volunteer) -> BuiltFeed:
    calendar = _calendar(_("Eşit İzmir vardiyalarım"))
    events = selectors.calendar_shifts(volunteer=volunteer)
    for event in events:
        calendar.add_component(_event(event, status=_signup_status(event)))
    return _built(calendar, events)


@require_GET
def volunteer_calendar(request, token: str):
    """No sign-in (calendar apps cannot sign in): the unguessable token is the key. Cached per
    volunteer, language and the versions of activities and of her sign-ups."""
    volunteer = selectors.volunteer_by_calendar_token(token=token)
    if volunteer is None:
        raise Http404(_("Takvim bulunamadı."))
    version = versions.versions(ACTIVITIES_VERSION, signups_version(volunteer.pk))
    key = f"esit:feed:volunteer:{volunteer.pk}:{get_language()}:{version}"
    feed = _cached(key, lambda: _private_feed(volunteer))
    return _ics_response(request, feed, "esit-izmir-vardiyalarim.ics", private=True)


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
