"""Volunteers for staff, with full paths under /staff/ (the staff gate covers them)."""

from django.urls import path

from ..views import staff as views

app_name = "staff_volunteers"

urlpatterns = [
    path("staff/volunteers/", views.volunteer_list, name="list"),
    path("staff/volunteers/<int:pk>/", views.volunteer_detail, name="detail"),
]
