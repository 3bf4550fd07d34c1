"""Routes owned by the public part of activities; full paths, mounted at the site root."""

from django.urls import path  # noqa: F401 - routes are added by the owning module

app_name = "activities"

urlpatterns = []
