from django.urls import path

from . import views

app_name = "team"

urlpatterns = [
    path("staff/team/", views.team_list, name="list"),
    path("staff/team/invite/", views.invite, name="invite"),
    path("staff/team/<int:pk>/", views.member_detail, name="member"),
    path("staff/team/<int:pk>/role/", views.change_role, name="role"),
    path("staff/team/<int:pk>/scope/", views.set_scope, name="scope"),
    path("staff/team/<int:pk>/capabilities/", views.set_capabilities, name="capabilities"),
    path("staff/team/<int:pk>/access/", views.set_access, name="access"),
]
