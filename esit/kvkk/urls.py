from django.urls import path

from . import staff_views, views

app_name = "kvkk"

urlpatterns = [
    path("me/data/", views.my_data, name="my_data"),
    path("me/data.json", views.my_data_json, name="my_data_json"),
    path("me/data/erase/", views.erase_me, name="erase_me"),
    path("me/data/erased/", views.erased, name="erased"),
    path("apply/status/<token:token>/data/", views.applicant_data, name="applicant_data"),
    path(
        "apply/status/<token:token>/data.json",
        views.applicant_data_json,
        name="applicant_data_json",
    ),
    path("staff/privacy/requests/", staff_views.request_list, name="request_list"),
    path("staff/privacy/requests/new/", staff_views.request_new, name="request_new"),
    path("staff/privacy/requests/<int:pk>/", staff_views.request_detail, name="request_detail"),
]
