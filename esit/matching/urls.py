"""Matching's routes; full paths, mounted at the site root."""

from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    # Staff (the two-factor gate covers everything under /staff/)
    path("staff/shifts/<int:pk>/matches/", views.shift_matches, name="shift_matches"),
    path("staff/tasks/<int:pk>/matches/", views.task_matches, name="task_matches"),
    # Anyone holding the link from the e-mail
    path("invitations/<token:token>/accept/", views.accept, name="accept"),
    path("invitations/<token:token>/decline/", views.decline, name="decline"),
    # Volunteers
    path("me/recommendations/dismiss/", views.dismiss, name="dismiss"),
]
