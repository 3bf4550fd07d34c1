"""Routes of announcements, with full paths, mounted at the site root."""

from django.urls import path

from . import feeds
from .views import public, staff

app_name = "announcements"

urlpatterns = [
    path("announcements/", public.announcement_list, name="list"),
    path("announcements/feed.atom", feeds.PublicAnnouncementsFeed(), name="feed"),
    path("announcements/<int:pk>/", public.announcement_detail, name="detail"),
    path("announcements/<int:pk>/cover/", public.cover, name="cover"),
    path(
        "announcements/cards/<str:kind>/<int:pk>/<str:language>/<str:card_format>.png",
        public.card,
        name="card",
    ),
    path("activities/feed.atom", feeds.UpcomingActivitiesFeed(), name="activities_feed"),
    path("me/announcements/<int:pk>/", public.mine, name="mine"),
    # Staff (the two-factor gate covers everything under /staff/)
    path("staff/announcements/", staff.announcement_list, name="staff_list"),
    path("staff/announcements/new/", staff.create, name="create"),
    path("staff/announcements/<int:pk>/", staff.detail, name="staff_detail"),
    path("staff/announcements/<int:pk>/edit/", staff.edit, name="edit"),
    path("staff/announcements/<int:pk>/publish/", staff.publish, name="publish"),
    path("staff/announcements/<int:pk>/unschedule/", staff.unschedule, name="unschedule"),
    path("staff/announcements/<int:pk>/archive/", staff.archive, name="archive"),
    path("staff/announcements/<int:pk>/delivery/", staff.delivery, name="delivery"),
    path("staff/announcements/<int:pk>/delivery/retry/", staff.retry, name="retry"),
    path("staff/announcements/<int:pk>/kit/", staff.kit, name="kit"),
    path("staff/announcements/kits/", staff.activity_kits, name="activity_kits"),
    path("staff/announcements/kit/activity/<int:pk>/", staff.activity_kit, name="activity_kit"),
]
