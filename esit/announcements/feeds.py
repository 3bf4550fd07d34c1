"""Atom feeds (Django's syndication framework): public announcements, upcoming activities.

Links are built from SITE_URL, never from the request's Host header (the framework keeps
an absolute link as it is); item texts are the plain text of the Markdown, so a feed
reader gets no markup to sanitise again.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from esit.activities.models import Activity
from esit.core import markdown as rendering

from . import selectors, social

FEED_SIZE = 30

# An empty feed still needs an `updated` time. Django's generator writes "now", which makes
# every copy of an empty feed different: its ETag never repeats and a reader that asks
# again is never told "not modified". A fixed moment keeps the empty feed the same bytes.
EMPTY_FEED_UPDATED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


class StableAtomFeed(Atom1Feed):
    """Atom whose bytes change only when its items do, so conditional GETs get 304."""

    def latest_post_date(self):
        if not self.items:
            return EMPTY_FEED_UPDATED
        return super().latest_post_date()


class PublicAnnouncementsFeed(Feed):
    feed_type = StableAtomFeed
    title = _("Eşit İzmir duyuruları")
    subtitle = _(
        "İzmir Büyükşehir Belediyesi toplumsal cinsiyet eşitliği gönüllü ağının duyuruları"
    )

    def link(self):
        return settings.SITE_URL + reverse("announcements:list")

    def feed_url(self):
        return settings.SITE_URL + reverse("announcements:feed")

    def items(self):
        return selectors.public_announcements().order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return social.shorten(rendering.plain_text(item.body), 1000)

    def item_link(self, item):
        return settings.SITE_URL + reverse("announcements:detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class UpcomingActivitiesFeed(Feed):
    feed_type = StableAtomFeed
    title = _("Eşit İzmir: yaklaşan etkinlikler")
    subtitle = _("Gönüllülerin ve halkın katılabileceği yaklaşan etkinlikler")

    def link(self):
        return settings.SITE_URL + reverse("activities:list")

    def feed_url(self):
        return settings.SITE_URL + reverse("announcements:activities_feed")

    def items(self):
        return (
            Activity.objects.published()
            .filter(ends_at__gte=timezone.now())
            .select_related("district")
            .order_by("starts_at", "id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        when = timezone.localtime(item.starts_at).strftime("%d.%m.%Y %H:%M")
        return f"{when} · {item.district.name}. {social.shorten(item.description, 800)}"

    def item_link(self, item):
        return settings.SITE_URL + reverse("activities:detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
