from django.urls import path

from . import views
from .api import api

app_name = "opendata"

urlpatterns = [
    path("open-data/", views.index, name="index"),
    path("open-data/<slug:key>.csv", views.dataset_csv, name="csv"),
]

api_urlpatterns = [path("api/v1/", api.urls)]
