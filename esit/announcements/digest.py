"""The weekly digest: what is new for one volunteer since her last digest.

New activities are those created since then, published and not started yet, in her
district and sharing one of her areas (an activity without areas is for every area); new
announcements are those published since then and meant for her (selectors.meant_for),
public ones included. Nothing is queued when both lists are empty, and the kind finds
the lists again when the e-mail leaves (nothing is sent if they emptied meanwhile).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from esit.activities.models import Activity
from esit.notifications.models import Delivery
from esit.notifications.services import Recipient, notify
from esit.volunteers.models import Volunteer

from .models import Announcement
from .selectors import DIGEST_KIND, meant_for

FIRST_DIGEST_LOOKS_BACK = datetime.timedelta(days=7)
SHOWN = 10


def new_activities(volunteer: Volunteer, *, since, until) -> list[Activity]:
    area_ids = [area.pk for area in volunteer.areas.all()]
    shares_area = Q(
        Exists(
            Activity.areas.through.objects.filter(
                activity=OuterRef("pk"), volunteerarea_id__in=area_ids
            )
        )
    ) | ~Q(Exists(Activity.areas.through.objects.filter(activity=OuterRef("pk"))))
    return list(
        Activity.objects.published()
        .filter(created_at__gt=since, created_at__lte=until, starts_at__gt=until)
        .filter(district_id=volunteer.district_id)
        .filter(shares_area)
        .select_related("district")
        .order_by("starts_at", "id")[:SHOWN]
    )


def new_announcements(volunteer: Volunteer, *, since, until) -> list[Announcement]:
    return list(
        Announcement.objects.published()
        .filter(published_at__gt=since, published_at__lte=until)
        .filter(meant_for(volunteer))
        .pinned_first()[:SHOWN]
    )


def last_digest_at(volunteer: Volunteer) -> datetime.datetime | None:
    return (
        Delivery.objects.filter(kind=DIGEST_KIND, recipient=volunteer.user_id)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def queue_digests(*, now: datetime.datetime | None = None) -> int:
    """One digest per active volunteer with something new; returns how many were queued.

    Keyed by the ISO week, so running the command twice in one week queues each once.
    """
    now = now or timezone.now()
    year, week, _day = timezone.localtime(now).isocalendar()
    queued = 0
    volunteers = (
        Volunteer.objects.filter(status=Volunteer.Status.ACTIVE, user__is_active=True)
        .select_related("user")
        .prefetch_related("areas")
        .order_by("pk")
    )
    for volunteer in volunteers.iterator(chunk_size=500):
        since = last_digest_at(volunteer) or now - FIRST_DIGEST_LOOKS_BACK
        if not new_activities(volunteer, since=since, until=now) and not new_announcements(
            volunteer, since=since, until=now
        ):
            continue
        with transaction.atomic():
            delivery = notify(
                DIGEST_KIND,
                obj=volunteer,
                to=Recipient.of_user(volunteer.user),
                key=f"{year}-W{week:02d}",
                params={"since": since.isoformat(), "until": now.isoformat()},
            )
        queued += delivery.created_at >= now  # an older row: this week's was queued before
    return queued


def load(volunteer_id: str) -> Volunteer | None:
    return (
        Volunteer.objects.select_related("user")
        .prefetch_related("areas")
        .filter(pk=volunteer_id)
        .first()
    )


def digest_context(volunteer: Volunteer, delivery) -> dict | None:
    if not volunteer.is_active:
        return None
    since = parse_datetime(delivery.params["since"])
    until = parse_datetime(delivery.params["until"])
    activities = new_activities(volunteer, since=since, until=until)
    announcements = new_announcements(volunteer, since=since, until=until)
    if not activities and not announcements:
        return None
    return {
        "volunteer": volunteer,
        "activities": [
            (activity, settings.SITE_URL + reverse("activities:detail", args=[activity.pk]))
            for activity in activities
        ],
        "announcements": [
            (item, settings.SITE_URL + reverse("announcements:mine", args=[item.pk]))
            for item in announcements
        ],
    }
