from django.urls import path

from . import views

app_name = "safety"

urlpatterns = [
    path("me/safety/", views.mine, name="mine"),
    path("me/safety/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("staff/safety/", views.staff_list, name="staff_list"),
    path("staff/safety/<int:pk>/", views.staff_detail, name="staff_detail"),
    path(
        "staff/safety/<int:pk>/acknowledge/",
        views.staff_act,
        {"action": "acknowledge"},
        name="staff_acknowledge",
    ),
    path(
        "staff/safety/<int:pk>/entries/", views.staff_act, {"action": "entry"}, name="staff_entry"
    ),
    path("staff/safety/<int:pk>/close/", views.staff_act, {"action": "close"}, name="staff_close"),
]
