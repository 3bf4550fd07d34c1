"""Routes owned by the public part of activities; full paths, mounted at the site root."""

from django.urls import path

from esit.audit.exports import export_paths

from ..views import feeds, participants, public

app_name = "activities"

urlpatterns = [
    path("activities/", public.activity_list, name="list"),
    path("activities/calendar.ics", feeds.public_calendar, name="calendar"),
    path("activities/<int:pk>/", public.activity_detail, name="detail"),
    path("activities/<int:pk>/register/", participants.register, name="register"),
    path(
        "activities/registrations/<token:token>/cancel/",
        participants.cancel_registration,
        name="cancel_registration",
    ),
    # Staff (the two-factor gate covers everything under /staff/)
    path(
        "staff/activities/<int:pk>/participants/",
        participants.participant_list,
        name="participants",
    ),
    *export_paths(
        "staff/activities/<int:pk>/participants",
        participants.participant_export,
        name="participants",
    ),
    path(
        "staff/participants/<int:pk>/cancel/",
        participants.staff_cancel_registration,
        name="participant_cancel",
    ),
    path(
        "staff/participants/<int:pk>/attendance/",
        participants.record_attendance,
        name="participant_attendance",
    ),
    path("me/calendar/", feeds.my_calendar, name="my_calendar"),
    path("me/calendar/reset/", feeds.reset_calendar_token, name="reset_calendar_token"),
    path("me/calendar/<token:token>.ics", feeds.volunteer_calendar, name="volunteer_calendar"),
]
