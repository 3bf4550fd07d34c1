from django.urls import path

from . import consent_views, staff_views, views

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
    path("me/stay/", consent_views.stay, name="stay_signed_in"),
    path("me/stay/<str:token>/", consent_views.stay, name="stay"),
    path("me/consent/", consent_views.reconsent, name="reconsent"),
    path("staff/privacy/retention/", staff_views.retention_report, name="retention_report"),
    path("staff/privacy/notices/", staff_views.notice_list, name="notice_list"),
    path("staff/privacy/notices/new/", staff_views.notice_new, name="notice_new"),
    path("staff/privacy/notices/<int:pk>/", staff_views.notice_detail, name="notice_detail"),
    path(
        "staff/privacy/consents/<int:volunteer_pk>/",
        staff_views.consent_record,
        name="consent_record",
    ),
    path("staff/privacy/incidents/", staff_views.incident_list, name="incident_list"),
    path("staff/privacy/incidents/new/", staff_views.incident_new, name="incident_new"),
    path("staff/privacy/incidents/<int:pk>/", staff_views.incident_detail, name="incident_detail"),
]
