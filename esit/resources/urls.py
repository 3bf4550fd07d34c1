from django.urls import path

from . import views

app_name = "resources"

urlpatterns = [
    path("resources/", views.library, name="list"),
    path("resources/new/", views.add, name="add"),
    path("resources/<int:pk>/", views.detail, name="detail"),
    path("resources/<int:pk>/download/", views.download, name="download"),
    path("staff/resources/", views.review_queue, name="review"),
    path("staff/resources/<int:pk>/", views.edit, name="edit"),
    path("staff/resources/<int:pk>/<slug:action>/", views.decide, name="decide"),
]
