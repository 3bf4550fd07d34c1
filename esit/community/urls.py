from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("ideas/", views.idea_list, name="list"),
    path("ideas/new/", views.idea_new, name="new"),
    path("ideas/done/", views.done, name="done"),
    path("ideas/me/", views.my_settings, name="me"),
    path("ideas/<int:pk>/", views.idea_detail, name="detail"),
    path("ideas/<int:pk>/edit/", views.idea_edit, name="edit"),
    path("ideas/<int:pk>/support/", views.idea_support, name="support"),
    path("ideas/<int:pk>/comments/", views.comment_new, name="comment"),
    path("ideas/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("ideas/comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("staff/ideas/", views.staff_list, name="staff_list"),
    path("staff/ideas/<int:pk>/status/", views.change_status, name="status"),
    path("staff/ideas/<int:pk>/activity/", views.create_activity, name="activity"),
]
