"""Atom feeds (Django's syndication framework): public announcements, upcoming activities.

Links are built from SITE_URL, never from the request's Host header (the framework keeps
an absolute link as it is); item texts are the plain text of the Markdown, so a feed
reader gets no markup to sanitise again.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from esit.activities.models import Activity
from esit.activities.versions import ACTIVITIES_VERSION
from esit.core import markdown as rendering
from esit.core import versions
from esit.reference.versions import REFERENCE_VERSION

from . import selectors, social
from .versions import ANNOUNCEMENTS_VERSION

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


class KeptFeed(Feed):
    """A feed built once per language and content version (`depends_on`) and kept
    PUBLIC_PAGE_CACHE_SECONDS at most: thirty items of Markdown turned to text cost some
    50 ms, a copy one cache read. Its bytes are the same until an item changes, so
    ConditionalGetMiddleware's ETag answers a reader that has it with 304."""

    feed_type = StableAtomFeed
    depends_on: tuple[str, ...] = ()

    def __call__(self, request, *args, **kwargs):
        def build() -> tuple[bytes, str, str | None]:
            response = super(KeptFeed, self).__call__(request, *args, **kwargs)
            return response.content, response["Content-Type"], response.get("Last-Modified")

        body, content_type, last_modified = versions.cached(
            f"feed:{type(self).__name__}:{get_language()}",
            self.depends_on,
            build,
            timeout=settings.PUBLIC_PAGE_CACHE_SECONDS,
        )
        response = HttpResponse(body, content_type=content_type)
        if last_modified:
            response["Last-Modified"] = last_modified
        return response


class PublicAnnouncementsFeed(KeptFeed):
    depends_on = (ANNOUNCEMENTS_VERSION,)
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


class UpcomingActivitiesFeed(KeptFeed):
    # What is upcoming also moves with the clock: PUBLIC_PAGE_CACHE_SECONDS bounds that.
    # Each item names its district.
    depends_on = (ACTIVITIES_VERSION, REFERENCE_VERSION)
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
