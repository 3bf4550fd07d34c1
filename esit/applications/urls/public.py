from django.urls import path

from ..views import public as views

app_name = "applications"

urlpatterns = [
    path("", views.apply, name="apply"),
    path("thanks/", views.thanks, name="thanks"),
    path("status/<token:token>/", views.status, name="status"),
    path("status/<token:token>/correct/", views.correct, name="correct"),
]
