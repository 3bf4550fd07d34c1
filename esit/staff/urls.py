from django.urls import path

from . import views

app_name = "staff"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("applications/", views.application_list, name="application_list"),
    path("applications/bulk/", views.bulk_decide, name="bulk_decide"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/decide/", views.decide, name="decide"),
    path("applications/<int:pk>/notes/", views.add_note, name="add_note"),
]
