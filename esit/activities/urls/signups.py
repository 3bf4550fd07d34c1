"""Routes owned by the signups part of activities; full paths, mounted at the site root."""

from django.urls import path

from esit.activities.views import roster, signups
from esit.audit.exports import export_paths

app_name = "signups"

urlpatterns = [
    # Volunteers
    path("activities/shifts/<int:pk>/sign-up/", signups.sign_up, name="sign_up"),
    path("activities/signups/<int:pk>/cancel/", signups.cancel, name="cancel"),
    path(
        "activities/signups/confirm/<signed:token>/", signups.confirm_coming, name="confirm_coming"
    ),
    path("me/shifts/", signups.my_shifts, name="my_shifts"),
    # Staff (the two-factor gate covers everything under /staff/)
    path("staff/activities/<int:pk>/roster/", roster.roster, name="roster"),
    *export_paths("staff/activities/<int:pk>/roster", roster.roster_export, name="roster"),
    path("staff/signups/<int:pk>/approve/", roster.approve, name="approve"),
    path("staff/signups/<int:pk>/decline/", roster.decline, name="decline"),
    path("staff/signups/<int:pk>/cancel/", roster.staff_cancel, name="staff_cancel"),
    path("staff/shifts/<int:pk>/check-in/", roster.check_in, name="check_in"),
    path("staff/shifts/<int:pk>/add-volunteer/", roster.add_volunteer, name="add_volunteer"),
    path("staff/shifts/<int:pk>/no-shows/", roster.mark_no_shows, name="mark_no_shows"),
]
