"""The application review workspace, with full paths under /staff/ (the staff gate covers it)."""

from django.urls import path

from esit.audit.exports import export_paths

from ..views import review as views

app_name = "review"

urlpatterns = [
    path("staff/applications/", views.application_list, name="list"),
    *export_paths("staff/applications/export", views.export, name="export"),
    path("staff/applications/bulk/", views.bulk_decide, name="bulk_decide"),
    path("staff/applications/<int:pk>/", views.application_detail, name="detail"),
    path("staff/applications/<int:pk>/decide/", views.decide, name="decide"),
    path("staff/applications/<int:pk>/notes/", views.add_note, name="add_note"),
]
