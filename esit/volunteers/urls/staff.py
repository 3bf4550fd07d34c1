"""Volunteers for staff, with full paths under /staff/ (the staff gate covers them)."""

from django.urls import path

from esit.audit.exports import export_paths

from ..views import staff as views

app_name = "staff_volunteers"

urlpatterns = [
    path("staff/volunteers/", views.volunteer_list, name="list"),
    *export_paths("staff/volunteers/export", views.export, name="export"),
    path("staff/volunteers/message/", views.message_selection, name="message_selection"),
    path("staff/volunteers/<int:pk>/", views.volunteer_detail, name="detail"),
    path("staff/volunteers/<int:pk>/pause/", views.pause, name="pause"),
    path("staff/volunteers/<int:pk>/reactivate/", views.reactivate, name="reactivate"),
    path("staff/volunteers/<int:pk>/end/", views.end, name="end"),
    path("staff/volunteers/<int:pk>/message/", views.message_one, name="message_one"),
]
