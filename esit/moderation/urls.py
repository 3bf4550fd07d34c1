from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("report/<slug:kind>/<int:pk>/", views.report, name="report"),
    path("staff/moderation/", views.queue, name="queue"),
    path("staff/moderation/suspensions/<int:pk>/lift/", views.lift, name="lift"),
    path("staff/moderation/<slug:kind>/<int:pk>/", views.content_detail, name="content"),
    path("staff/moderation/<slug:kind>/<int:pk>/<slug:action>/", views.decide, name="decide"),
]
