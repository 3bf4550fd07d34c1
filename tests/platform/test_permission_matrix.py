# ruff: noqa: E501  (the table reads best one URL pattern a line)
"""Every URL pattern of the project × every kind of person → the answer they get.

The personas and records are in matrix_world.py: a visitor; the applicant (holding her
status link; everyone else tries a made-up one); a volunteer (who owns the sign-up, the
claimed task, the certificate); another volunteer (asking for the first one's records); a
coordinator scoped to Bornova (every record here is in Konak: out of her scope); an unscoped
coordinator; a coordinator who has not set up her second factor; an administrator.

One GET per cell, every cell compared with the table below. A new URL pattern without a row
fails `test_every_url_pattern_has_an_expectation`: decide who may open it, and add it.

Answers: a status code; `login` (302 to sign-in), `2fa` (302 to the two-factor set-up, the
staff gate), `noprofile` (the "you have no volunteer profile" page), `302` (any other
redirect: already signed in, nothing to show). POST-only views answer a GET with 405 once
the staff gate has let the person through.
"""

import pytest

from tests.platform.matrix_world import ROLES, build_world, concrete, routes

pytestmark = pytest.mark.django_db

# Columns: visitor, applicant, volunteer, other volunteer, scoped coordinator,
# coordinator, staff without a second factor, administrator.
EXPECTED = {
    "": "200 200 200 200 200 200 200 200",
    "healthz": "200 200 200 200 200 200 200 200",
    "i18n/setlang/": "302 302 302 302 302 302 302 302",
    "accounts/welcome/": "302 302 302 302 302 302 302 302",
    "accounts/login/": "200 200 302 302 302 302 302 302",
    "accounts/logout/": "302 302 200 200 200 200 200 200",
    "accounts/inactive/": "200 200 200 200 200 200 200 200",
    "accounts/signup/": "200 200 302 302 302 302 302 302",
    "accounts/reauthenticate/": "login login 200 200 200 200 200 200",
    "accounts/email/": "login login 200 200 200 200 200 200",
    "accounts/confirm-email/": "200 200 200 200 200 200 200 200",
    "accounts/password/change/": "login login 200 200 200 200 200 200",
    "accounts/password/set/": "login login 302 302 302 302 302 302",
    "accounts/password/reset/": "200 200 200 200 200 200 200 200",
    "accounts/login/code/confirm/": "login login 302 302 302 302 302 302",
    r"accounts/^confirm-email/(?P<key>[-:\w]+)/$": "200 200 200 200 200 200 200 200",
    "accounts/password/reset/key/done/": "200 200 200 200 200 200 200 200",
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": "200 200 200 200 200 200 200 200",
    "accounts/password/reset/done/": "200 200 200 200 200 200 200 200",
    "accounts/2fa/": "login login 200 200 200 200 200 200",
    "accounts/2fa/authenticate/": "login login 302 302 302 302 302 302",
    "accounts/2fa/reauthenticate/": "login login 302 302 200 200 302 200",
    "accounts/2fa/totp/activate/": "login login 302 302 302 302 302 302",
    "accounts/2fa/totp/deactivate/": "login login 404 404 302 302 404 302",
    "accounts/2fa/recovery-codes/": "login login 404 404 404 404 404 404",
    "accounts/2fa/recovery-codes/generate/": "login login 302 302 302 302 302 302",
    "accounts/2fa/recovery-codes/download/": "login login 404 404 404 404 404 404",
    "me/data/": "login login 200 200 200 200 200 200",
    "me/data.json": "login login 200 200 200 200 200 200",
    "me/data/erase/": "login login 200 200 200 200 200 200",
    "me/data/erased/": "200 200 200 200 200 200 200 200",
    "apply/status/<token:token>/data/": "404 200 404 404 404 404 404 404",
    "apply/status/<token:token>/data.json": "404 200 404 404 404 404 404 404",
    "staff/privacy/requests/": "login login 403 403 403 403 2fa 200",
    "staff/privacy/requests/new/": "login login 403 403 403 403 2fa 200",
    "staff/privacy/requests/<int:pk>/": "login login 403 403 403 403 2fa 200",
    "apply/": "200 200 200 200 200 200 200 200",
    "apply/thanks/": "200 200 200 200 200 200 200 200",
    "apply/status/<token:token>/": "404 200 404 404 404 404 404 404",
    "apply/status/<token:token>/correct/": "404 200 404 404 404 404 404 404",
    "staff/applications/": "login login 403 403 200 200 2fa 200",
    "staff/applications/export.csv": "login login 403 403 200 200 2fa 200",
    "staff/applications/export.xlsx": "login login 403 403 200 200 2fa 200",
    "staff/applications/bulk/": "login login 403 403 405 405 2fa 405",
    "staff/applications/<int:pk>/": "login login 403 403 404 200 2fa 200",
    "staff/applications/<int:pk>/decide/": "login login 403 403 405 405 2fa 405",
    "staff/applications/<int:pk>/notes/": "login login 403 403 405 405 2fa 405",
    "me/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "me/profile/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "me/notifications/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "me/withdraw/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "staff/volunteers/": "login login 403 403 200 200 2fa 200",
    "staff/volunteers/export.csv": "login login 403 403 200 200 2fa 200",
    "staff/volunteers/export.xlsx": "login login 403 403 200 200 2fa 200",
    "staff/volunteers/message/": "login login 403 403 200 200 2fa 200",
    "staff/volunteers/<int:pk>/": "login login 403 403 404 200 2fa 200",
    "staff/volunteers/<int:pk>/pause/": "login login 403 403 405 405 2fa 405",
    "staff/volunteers/<int:pk>/reactivate/": "login login 403 403 405 405 2fa 405",
    "staff/volunteers/<int:pk>/end/": "login login 403 403 405 405 2fa 405",
    "staff/volunteers/<int:pk>/message/": "login login 403 403 404 200 2fa 200",
    "privacy/": "200 200 200 200 200 200 200 200",
    "activities/": "200 200 200 200 200 200 200 200",
    "activities/calendar.ics": "200 200 200 200 200 200 200 200",
    "activities/<int:pk>/": "200 200 200 200 200 200 200 200",
    "activities/<int:pk>/register/": "405 405 405 405 405 405 405 405",
    "activities/registrations/<token:token>/cancel/": "200 200 200 200 200 200 200 200",
    "staff/activities/<int:pk>/participants/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/participants.csv": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/participants.xlsx": "login login 403 403 404 200 2fa 200",
    "staff/participants/<int:pk>/cancel/": "login login 403 403 405 405 2fa 405",
    "staff/participants/<int:pk>/attendance/": "login login 403 403 405 405 2fa 405",
    "me/calendar/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "me/calendar/reset/": "405 405 405 405 405 405 405 405",
    "me/calendar/<token:token>.ics": "200 200 200 200 200 200 200 200",
    "activities/shifts/<int:pk>/sign-up/": "405 405 405 405 405 405 405 405",
    "activities/signups/<int:pk>/cancel/": "405 405 405 405 405 405 405 405",
    "activities/signups/confirm/<signed:token>/": "200 200 200 200 200 200 200 200",
    "me/shifts/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "staff/activities/<int:pk>/roster/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/roster.csv": "login login 403 403 404 200 2fa 200",
    "staff/signups/<int:pk>/approve/": "login login 403 403 405 405 2fa 405",
    "staff/signups/<int:pk>/decline/": "login login 403 403 405 405 2fa 405",
    "staff/signups/<int:pk>/cancel/": "login login 403 403 405 405 2fa 405",
    "staff/shifts/<int:pk>/check-in/": "login login 403 403 404 200 2fa 200",
    "staff/shifts/<int:pk>/add-volunteer/": "login login 403 403 404 200 2fa 200",
    "staff/shifts/<int:pk>/no-shows/": "login login 403 403 405 405 2fa 405",
    "staff/activities/": "login login 403 403 200 200 2fa 200",
    "staff/activities/export.csv": "login login 403 403 200 200 2fa 200",
    "staff/activities/export.xlsx": "login login 403 403 200 200 2fa 200",
    "staff/activities/participants.csv": "login login 403 403 200 200 2fa 200",
    "staff/activities/participants.xlsx": "login login 403 403 200 200 2fa 200",
    "staff/activities/new/": "login login 403 403 200 200 2fa 200",
    "staff/activities/<int:pk>/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/edit/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/copy/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/cancel/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/shifts/new/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/shifts/<int:shift_pk>/edit/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/shifts/<int:shift_pk>/delete/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/shifts/<int:shift_pk>/repeat/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/tasks/new/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/tasks/<int:task_pk>/edit/": "login login 403 403 404 200 2fa 200",
    "staff/activities/<int:pk>/tasks/<int:task_pk>/assign/": "login login 403 403 404 200 2fa 200",
    "activities/tasks/<int:pk>/claim/": "login login 302 302 noprofile noprofile noprofile noprofile",
    "me/tasks/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "me/tasks/<int:pk>/deliver/": "login login 200 404 noprofile noprofile noprofile noprofile",
    "me/tasks/<int:pk>/release/": "405 405 405 405 405 405 405 405",
    "me/tasks/<int:pk>/file/": "login login 404 404 noprofile noprofile noprofile noprofile",
    "me/hours/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "me/certificate/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "me/certificate.pdf": "login login 302 302 noprofile noprofile noprofile noprofile",
    "certificates/<token:code>/": "200 200 200 200 200 200 200 200",
    "staff/hours/": "login login 403 403 200 200 2fa 200",
    "staff/hours/export.csv": "login login 403 403 200 200 2fa 200",
    "staff/hours/export.xlsx": "login login 403 403 200 200 2fa 200",
    "staff/hours/review/": "login login 403 403 405 405 2fa 405",
    "staff/tasks/": "login login 403 403 200 200 2fa 200",
    "staff/tasks/<int:pk>/accept/": "login login 403 403 405 405 2fa 405",
    "staff/tasks/<int:pk>/return/": "login login 403 403 405 405 2fa 405",
    "staff/tasks/<int:pk>/file/": "login login 403 403 404 404 2fa 404",
    "staff/audit/": "login login 403 403 403 403 2fa 200",
    "report/<slug:kind>/<int:pk>/": "login login 200 200 200 200 200 200",
    "staff/moderation/": "login login 403 403 200 200 2fa 200",
    "staff/moderation/suspensions/<int:pk>/lift/": "login login 403 403 405 405 2fa 405",
    "staff/moderation/<slug:kind>/<int:pk>/": "login login 403 403 200 200 2fa 200",
    "staff/moderation/<slug:kind>/<int:pk>/<slug:action>/": "login login 403 403 405 405 2fa 405",
    # The library: a public link resource (so its download is 404 for all: no file).
    "resources/": "200 200 200 200 200 200 200 200",
    "resources/new/": "login login 200 200 200 200 2fa 200",
    "resources/<int:pk>/": "200 200 200 200 200 200 200 200",
    "resources/<int:pk>/download/": "404 404 404 404 404 404 404 404",
    "staff/resources/": "login login 403 403 200 200 2fa 200",
    "staff/resources/<int:pk>/": "login login 403 403 200 200 2fa 200",
    "staff/resources/<int:pk>/<slug:action>/": "login login 403 403 405 405 2fa 405",
    "staff/team/": "login login 403 403 403 403 2fa 200",
    "staff/team/invite/": "login login 403 403 403 403 2fa 200",
    "staff/team/<int:pk>/": "login login 403 403 403 403 2fa 200",
    "staff/team/<int:pk>/role/": "login login 403 403 405 405 2fa 405",
    "staff/team/<int:pk>/scope/": "login login 403 403 405 405 2fa 405",
    "staff/team/<int:pk>/capabilities/": "login login 403 403 405 405 2fa 405",
    "staff/team/<int:pk>/access/": "login login 403 403 405 405 2fa 405",
    "announcements/": "200 200 200 200 200 200 200 200",
    "announcements/feed.atom": "200 200 200 200 200 200 200 200",
    "announcements/<int:pk>/": "200 200 200 200 200 200 200 200",
    "announcements/<int:pk>/cover/": "404 404 404 404 404 404 404 404",
    "announcements/cards/<str:kind>/<int:pk>/<str:language>/<str:card_format>.png": "200 200 200 200 200 200 200 200",
    "activities/feed.atom": "200 200 200 200 200 200 200 200",
    "me/announcements/<int:pk>/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "staff/announcements/": "login login 403 403 200 200 2fa 200",
    "staff/announcements/new/": "login login 403 403 200 200 2fa 200",
    "staff/announcements/<int:pk>/": "login login 403 403 404 200 2fa 200",
    "staff/announcements/<int:pk>/edit/": "login login 403 403 404 200 2fa 200",
    "staff/announcements/<int:pk>/publish/": "login login 403 403 405 405 2fa 405",
    "staff/announcements/<int:pk>/unschedule/": "login login 403 403 405 405 2fa 405",
    "staff/announcements/<int:pk>/archive/": "login login 403 403 405 405 2fa 405",
    "staff/announcements/<int:pk>/delivery/": "login login 403 403 404 404 2fa 404",
    "staff/announcements/<int:pk>/delivery/retry/": "login login 403 403 405 405 2fa 405",
    "staff/announcements/<int:pk>/kit/": "login login 403 403 404 200 2fa 200",
    "staff/announcements/kits/": "login login 403 403 200 200 2fa 200",
    "staff/announcements/kit/activity/<int:pk>/": "login login 403 403 404 200 2fa 200",
    "notifications/unsubscribe/<str:token>/": "200 200 200 200 200 200 200 200",
    "staff/admin/": "login login 403 403 200 200 2fa 200",
    "staff/admin/login/": "login login 403 403 302 302 2fa 302",
    "staff/admin/logout/": "login login 403 403 405 405 2fa 405",
    "staff/admin/password_change/": "login login 403 403 200 200 2fa 200",
    "staff/admin/password_change/done/": "login login 403 403 200 200 2fa 200",
    "staff/admin/autocomplete/": "login login 403 403 403 403 2fa 403",
    "staff/admin/jsi18n/": "login login 403 403 200 200 2fa 200",
    "staff/admin/r/<path:content_type_id>/<path:object_id>/": "login login 403 403 404 404 2fa 404",
    "staff/admin/accounts/user/<id>/password/": "login login 403 403 403 403 2fa 403",
    "staff/admin/accounts/user/": "login login 403 403 403 403 2fa 200",
    "staff/admin/accounts/user/add/": "login login 403 403 403 403 2fa 403",
    "staff/admin/accounts/user/<path:object_id>/history/": "login login 403 403 403 403 2fa 200",
    "staff/admin/accounts/user/<path:object_id>/delete/": "login login 403 403 403 403 2fa 403",
    "staff/admin/accounts/user/<path:object_id>/change/": "login login 403 403 403 403 2fa 200",
    "staff/admin/accounts/user/<path:object_id>/": "login login 403 403 302 302 2fa 302",
    "staff/admin/django_tasks_database/dbtaskresult/": "login login 403 403 403 403 2fa 403",
    "staff/admin/django_tasks_database/dbtaskresult/add/": "login login 403 403 403 403 2fa 403",
    "staff/admin/django_tasks_database/dbtaskresult/<path:object_id>/history/": "login login 403 403 302 302 2fa 302",
    "staff/admin/django_tasks_database/dbtaskresult/<path:object_id>/delete/": "login login 403 403 403 403 2fa 403",
    "staff/admin/django_tasks_database/dbtaskresult/<path:object_id>/change/": "login login 403 403 403 403 2fa 403",
    "staff/admin/django_tasks_database/dbtaskresult/<path:object_id>/": "login login 403 403 302 302 2fa 302",
    "staff/admin/reference/district/": "login login 403 403 403 403 2fa 200",
    "staff/admin/reference/district/add/": "login login 403 403 403 403 2fa 200",
    "staff/admin/reference/district/<path:object_id>/history/": "login login 403 403 403 403 2fa 200",
    "staff/admin/reference/district/<path:object_id>/delete/": "login login 403 403 403 403 2fa 403",
    "staff/admin/reference/district/<path:object_id>/change/": "login login 403 403 403 403 2fa 200",
    "staff/admin/reference/district/<path:object_id>/": "login login 403 403 302 302 2fa 302",
    "staff/admin/reference/volunteerarea/": "login login 403 403 200 200 2fa 200",
    "staff/admin/reference/volunteerarea/add/": "login login 403 403 200 200 2fa 200",
    "staff/admin/reference/volunteerarea/<path:object_id>/history/": "login login 403 403 200 200 2fa 200",
    "staff/admin/reference/volunteerarea/<path:object_id>/delete/": "login login 403 403 403 403 2fa 403",
    "staff/admin/reference/volunteerarea/<path:object_id>/change/": "login login 403 403 200 200 2fa 200",
    "staff/admin/reference/volunteerarea/<path:object_id>/": "login login 403 403 302 302 2fa 302",
    "staff/admin/reference/language/": "login login 403 403 200 200 2fa 200",
    "staff/admin/reference/language/add/": "login login 403 403 200 200 2fa 200",
    "staff/admin/reference/language/<path:object_id>/history/": "login login 403 403 200 200 2fa 200",
    "staff/admin/reference/language/<path:object_id>/delete/": "login login 403 403 403 403 2fa 403",
    "staff/admin/reference/language/<path:object_id>/change/": "login login 403 403 200 200 2fa 200",
    "staff/admin/reference/language/<path:object_id>/": "login login 403 403 302 302 2fa 302",
    "staff/admin/activities/activitykind/": "login login 403 403 200 200 2fa 200",
    "staff/admin/activities/activitykind/add/": "login login 403 403 200 200 2fa 200",
    "staff/admin/activities/activitykind/<path:object_id>/history/": "login login 403 403 200 200 2fa 200",
    "staff/admin/activities/activitykind/<path:object_id>/delete/": "login login 403 403 403 403 2fa 403",
    "staff/admin/activities/activitykind/<path:object_id>/change/": "login login 403 403 200 200 2fa 200",
    "staff/admin/activities/activitykind/<path:object_id>/": "login login 403 403 302 302 2fa 302",
    "staff/admin/^(?P<app_label>accounts|django_tasks_database|reference|activities)/$": "login login 403 403 200 200 2fa 200",
    "staff/admin/(?P<url>.*)$": "login login 403 403 404 404 2fa 404",
    "staff/": "login login 403 403 200 200 2fa 200",
    # KVKK retention, texts, consents and breaches; matching and invitations (a made-up
    # link is refused: 400); reports; the equality plan in the admin.
    "me/stay/": "login login 404 404 404 404 404 404",
    "me/stay/<str:token>/": "404 404 404 404 404 404 404 404",
    "me/consent/": "login login 200 200 200 200 200 200",
    "staff/privacy/retention/": "login login 403 403 403 403 2fa 200",
    "staff/privacy/notices/": "login login 403 403 403 403 2fa 200",
    "staff/privacy/notices/new/": "login login 403 403 403 403 2fa 200",
    "staff/privacy/notices/<int:pk>/": "login login 403 403 403 403 2fa 200",
    "staff/privacy/consents/<int:volunteer_pk>/": "login login 403 403 404 200 2fa 200",
    "staff/privacy/incidents/": "login login 403 403 403 403 2fa 200",
    "staff/privacy/incidents/new/": "login login 403 403 403 403 2fa 200",
    "staff/privacy/incidents/<int:pk>/": "login login 403 403 403 403 2fa 200",
    # The safety channel: hers for every volunteer; its staff pages are not found by staff
    # without safety.handle_concerns, administrators included (nobody here holds it).
    "me/safety/": "login login 200 200 noprofile noprofile noprofile noprofile",
    "me/safety/<int:pk>/withdraw/": "405 405 405 405 405 405 405 405",
    "staff/safety/": "login login 403 403 404 404 2fa 404",
    "staff/safety/<int:pk>/": "login login 403 403 404 404 2fa 404",
    "staff/safety/<int:pk>/acknowledge/": "login login 403 403 404 404 2fa 404",
    "staff/safety/<int:pk>/entries/": "login login 403 403 404 404 2fa 404",
    "staff/safety/<int:pk>/close/": "login login 403 403 404 404 2fa 404",
    "staff/activities/<int:pk>/roster.xlsx": "login login 403 403 404 200 2fa 200",
    "staff/shifts/<int:pk>/matches/": "login login 403 403 404 200 2fa 200",
    "staff/tasks/<int:pk>/matches/": "login login 403 403 404 200 2fa 200",
    "invitations/<token:token>/accept/": "400 400 400 400 400 400 400 400",
    "invitations/<token:token>/decline/": "400 400 400 400 400 400 400 400",
    "me/recommendations/dismiss/": "405 405 405 405 405 405 405 405",
    "staff/reports/": "login login 403 403 200 200 2fa 200",
    "staff/reports/<slug:key>.csv": "login login 403 403 200 200 2fa 200",
    "staff/reports/annual/": "login login 403 403 400 400 2fa 400",
    # Open data: public pages and the read-only API, the same for everyone (no account read).
    "open-data/": "200 200 200 200 200 200 200 200",
    "open-data/<slug:key>.csv": "200 200 200 200 200 200 200 200",
    "api/v1/": "404 404 404 404 404 404 404 404",
    "api/v1/openapi.json": "200 200 200 200 200 200 200 200",
    "api/v1/docs": "200 200 200 200 200 200 200 200",
    "api/v1/activities/": "200 200 200 200 200 200 200 200",
    "api/v1/announcements/": "200 200 200 200 200 200 200 200",
    "api/v1/ideas-done/": "200 200 200 200 200 200 200 200",
    "api/v1/statistics/": "200 200 200 200 200 200 200 200",
    "api/v1/statistics/<dataset>/": "200 200 200 200 200 200 200 200",
    "staff/admin/reference/planarea/": "login login 403 403 200 200 2fa 200",
    "staff/admin/reference/planarea/add/": "login login 403 403 403 403 2fa 200",
    "staff/admin/reference/planarea/<path:object_id>/history/": "login login 403 403 302 302 2fa 302",
    "staff/admin/reference/planarea/<path:object_id>/delete/": "login login 403 403 403 403 2fa 403",
    "staff/admin/reference/planarea/<path:object_id>/change/": "login login 403 403 302 302 2fa 302",
    "staff/admin/reference/planarea/<path:object_id>/": "login login 403 403 302 302 2fa 302",
    # The network's ideas: volunteers and staff; /ideas/done/ is public. The idea and the
    # comment are the volunteer's, in Konak (outside the scoped coordinator's Bornova).
    "ideas/": "login login 200 200 200 200 200 200",
    "ideas/new/": "login login 200 200 200 200 200 200",
    "ideas/done/": "200 200 200 200 200 200 200 200",
    "ideas/me/": "login login 200 200 200 200 200 200",
    "ideas/<int:pk>/": "login login 200 200 200 200 200 200",
    "ideas/<int:pk>/edit/": "login login 200 403 403 403 403 403",
    "ideas/<int:pk>/support/": "405 405 405 405 405 405 405 405",
    "ideas/<int:pk>/comments/": "405 405 405 405 405 405 405 405",
    "ideas/comments/<int:pk>/edit/": "login login 200 404 404 404 404 404",
    "ideas/comments/<int:pk>/delete/": "405 405 405 405 405 405 405 405",
    "staff/ideas/": "login login 403 403 200 200 2fa 200",
    "staff/ideas/<int:pk>/status/": "login login 403 403 404 200 2fa 200",
    "staff/ideas/<int:pk>/activity/": "login login 403 403 404 200 2fa 200",
}


def outcome(response) -> str:
    if "volunteers/no_profile.html" in [t.name for t in response.templates or []]:
        return "noprofile"
    if response.status_code in (301, 302):
        location = response["Location"]
        for prefix, name in (
            ("/accounts/login/", "login"),
            ("/accounts/2fa/", "2fa"),
            ("/staff/admin/login/", "admin-login"),
        ):
            if location.startswith(prefix):
                return name
        return "302"
    return str(response.status_code)


def test_every_url_pattern_has_an_expectation():
    missing = [route for route in routes() if route not in EXPECTED]
    assert missing == [], f"Add a row to EXPECTED for each new URL pattern: {missing}"


def test_no_expectation_is_left_for_a_pattern_that_is_gone():
    assert set(EXPECTED) - set(routes()) == set()


def test_every_row_names_an_answer_for_every_role():
    assert [route for route, row in EXPECTED.items() if len(row.split()) != len(ROLES)] == []


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer_everywhere(role):
    world = build_world()
    column = ROLES.index(role)
    wrong = []
    for route in routes():
        if route not in EXPECTED:
            continue  # test_every_url_pattern_has_an_expectation says so
        client = world.client(role)
        client.raise_request_exception = False  # a 500 is an answer too: reported, not raised
        url = concrete(route, world, role)
        got = outcome(client.get(url))
        expected = EXPECTED[route].split()[column]
        if got != expected:
            wrong.append(f"{url} ({route}): expected {expected}, got {got}")
    assert wrong == []
