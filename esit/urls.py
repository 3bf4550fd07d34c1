from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from esit.core import converters
from esit.core import views as core_views
from esit.opendata.urls import api_urlpatterns

converters.register()  # `<token:…>` and `<signed:…>`, used by the routes included below

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/welcome/", core_views.home_after_login, name="home_after_login"),
    path("accounts/", include("allauth.urls")),
    # /me/data/… and /apply/status/<token>/data/…: before the apps whose prefixes they share.
    path("", include("esit.kvkk.urls")),
    path("apply/", include("esit.applications.urls.public")),
    path("", include("esit.applications.urls.review")),
    path("me/", include("esit.volunteers.urls.me")),
    path("", include("esit.volunteers.urls.staff")),
    path("privacy/", include("esit.privacy.urls")),
    # Activities: each part owns its routes, with full paths (esit/activities/urls/).
    path("", include("esit.activities.urls.public")),
    path("", include("esit.activities.urls.signups")),
    path("", include("esit.activities.urls.planning")),
    path("", include("esit.activities.urls.work")),
    path("", include("esit.audit.urls")),
    path("", include("esit.team.urls")),
    path("", include("esit.safety.urls")),
    path("", include("esit.announcements.urls")),
    path("", include("esit.matching.urls")),
    path("", include("esit.community.urls")),
    path("", include("esit.moderation.urls")),
    path("", include("esit.resources.urls")),
    path("", include("esit.reports.urls")),
    path("", include("esit.opendata.urls")),
    *api_urlpatterns,
    path("", include("esit.notifications.urls")),
    path("staff/admin/", admin.site.urls),
    path("staff/", include("esit.accounts.urls")),
]

handler403 = "esit.core.views.forbidden"
handler500 = "esit.core.views.server_error"
