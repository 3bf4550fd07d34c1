from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    # The token is signed (letters, digits, "-", "_", ":" and "."); anything else fails its
    # signature check before any query, so a stray byte in the address is a plain 404.
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
