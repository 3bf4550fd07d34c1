from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("staff/reports/", views.dashboard, name="dashboard"),
    path("staff/reports/<slug:key>.csv", views.figure_csv, name="csv"),
    path("staff/reports/annual/", views.annual_report, name="annual"),
]
