from django.urls import path

from ..views import me as views

app_name = "volunteers"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profile/", views.edit_profile, name="profile"),
    path("notifications/", views.edit_notifications, name="notifications"),
    path("withdraw/", views.withdraw, name="withdraw"),
]
