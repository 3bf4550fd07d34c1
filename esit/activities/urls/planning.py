"""Routes owned by the planning part of activities; full paths, mounted at the site root.

Shifts and tasks are addressed under their activity, so an id from another
activity is simply not found.
"""

from django.urls import path

from esit.audit.exports import export_paths

from ..views import planning as views

app_name = "planning"

urlpatterns = [
    path("staff/activities/", views.activity_list, name="list"),
    *export_paths("staff/activities/export", views.activity_export, name="export"),
    *export_paths(
        "staff/activities/participants", views.participants_export, name="participants_export"
    ),
    path("staff/activities/new/", views.activity_create, name="create"),
    path("staff/activities/<int:pk>/", views.activity_detail, name="detail"),
    path("staff/activities/<int:pk>/edit/", views.activity_edit, name="edit"),
    path("staff/activities/<int:pk>/copy/", views.activity_copy, name="copy"),
    path("staff/activities/<int:pk>/cancel/", views.activity_cancel, name="cancel"),
    path("staff/activities/<int:pk>/shifts/new/", views.shift_create, name="shift_create"),
    path(
        "staff/activities/<int:pk>/shifts/<int:shift_pk>/edit/",
        views.shift_edit,
        name="shift_edit",
    ),
    path(
        "staff/activities/<int:pk>/shifts/<int:shift_pk>/delete/",
        views.shift_delete,
        name="shift_delete",
    ),
    path(
        "staff/activities/<int:pk>/shifts/<int:shift_pk>/repeat/",
        views.shift_repeat,
        name="shift_repeat",
    ),
    path("staff/activities/<int:pk>/tasks/new/", views.task_create, name="task_create"),
    path(
        "staff/activities/<int:pk>/tasks/<int:task_pk>/edit/",
        views.task_edit,
        name="task_edit",
    ),
    path(
        "staff/activities/<int:pk>/tasks/<int:task_pk>/assign/",
        views.task_assign,
        name="task_assign",
    ),
]
