"""The people and records the permission matrix (test_permission_matrix.py) and the crawler
(test_crawler.py) use: one of each role, and a record behind every URL parameter.

Everything the volunteer owns, and every record staff act on, is in Konak; the scoped
coordinator works only in Bornova, so for her those records are out of scope.
"""

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from esit.accounts.models import StaffScope, User
from esit.activities.models import (
    Activity,
    Certificate,
    Participant,
    Shift,
    SignUp,
    Task,
    TaskAssignment,
)
from esit.activities.services import work
from esit.activities.services.signups import coming_token
from esit.announcements import services as announcements
from esit.announcements.models import Announcement
from esit.applications.models import Application
from esit.community import services as community
from esit.community.models import Comment, Idea
from esit.kvkk import requests
from esit.kvkk.models import DataRequest, Incident
from esit.moderation.models import PostingSuspension
from esit.notifications.preferences import unsubscribe_token
from esit.privacy.models import PrivacyNotice
from esit.privacy.services import record_consent
from esit.reference.models import District
from esit.resources.models import Resource
from esit.safety.models import Concern
from esit.safety.services import raise_concern
from esit.volunteers.models import Volunteer
from tests import factories

ROLES = (
    "visitor",
    "applicant",
    "volunteer",
    "other_volunteer",
    "scoped_coordinator",
    "coordinator",
    "staff_without_2fa",
    "administrator",
)
FORGED_TOKEN = "NotTheApplicantsLink0123456789abcdef"


def routes() -> list[str]:
    """Every URL pattern of the project, as its full route ("staff/volunteers/<int:pk>/")."""

    def walk(resolver: URLResolver, prefix: str):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return list(dict.fromkeys(walk(get_resolver(), "")))


@dataclass
class World:
    administrator: User
    coordinator: User
    scoped_coordinator: User
    staff_without_2fa: User
    volunteer: Volunteer
    other_volunteer: Volunteer
    application: Application
    activity: Activity
    shift: Shift
    signup: SignUp
    task: Task
    participant: Participant
    certificate: Certificate
    announcement: Announcement
    data_request: DataRequest
    district: District
    incident: Incident
    assignment: TaskAssignment
    concern: Concern
    idea: Idea
    comment: Comment
    resource: Resource
    suspension: PostingSuspension

    def client(self, role: str) -> Client:
        client = Client()
        user = {
            "volunteer": self.volunteer.user,
            "other_volunteer": self.other_volunteer.user,
            "scoped_coordinator": self.scoped_coordinator,
            "coordinator": self.coordinator,
            "staff_without_2fa": self.staff_without_2fa,
            "administrator": self.administrator,
        }.get(role)
        if user is not None:
            client.force_login(user)
        return client

    def status_token(self, role: str) -> str:
        """Only the applicant holds her status link; anyone else tries a made-up one."""
        return self.application.status_token if role == "applicant" else FORGED_TOKEN


def build_world() -> World:
    bornova = factories.district("bornova")
    administrator = factories.StaffFactory(role="administrator")
    coordinator = factories.StaffFactory(role="coordinator")
    scoped_coordinator = factories.StaffFactory(role="coordinator")
    StaffScope.objects.create(user=scoped_coordinator).districts.set([bornova])
    staff_without_2fa = factories.StaffFactory(role="coordinator", two_factor=False)
    volunteer = factories.VolunteerFactory()
    other_volunteer = factories.VolunteerFactory()
    application = factories.ApplicationFactory()
    activity = factories.ActivityFactory(public_registration=True, public_capacity=10)
    shift = factories.ShiftFactory(activity=activity)
    signup = factories.SignUpFactory(shift=shift, volunteer=volunteer)
    task = factories.TaskFactory()
    assignment = work.claim_task(volunteer=volunteer, task=task)
    participant = Participant.objects.create(
        activity=activity,
        name="Derya Işık",
        email="derya@example.org",
        status="confirmed",
        consent=record_consent(email="derya@example.org", ip="127.0.0.1", at=timezone.now()),
        registered_at=timezone.now(),
    )
    certificate = Certificate.objects.create(
        volunteer=volunteer, issued_at=timezone.now(), holder_name="Ayşe Yılmaz", total_hours=3
    )
    announcement = announcements.save_announcement(
        by=administrator, title_tr="Gönüllü buluşması", body_tr="Cumartesi buluşuyoruz."
    )
    announcement, _now = announcements.publish(by=administrator, announcement=announcement)
    data_request = requests.log_request(
        by=administrator,
        kind=DataRequest.Kind.ACCESS,
        channel=DataRequest.Channel.PETITION,
        received_on=timezone.localdate(),
        requester_name="Şükran Işık",
        requester_email="sukran@example.org",
        requester_phone="",
        summary="Verilerimin bir kopyası.",
    )
    idea = community.post_idea(
        author=volunteer.user,
        title="Mahallede kadın dayanışma kahvaltısı",
        body="Her ay bir mahallede buluşalım.",
        area=factories.area(),
        district=factories.district("konak"),
    )
    comment = community.post_comment(idea=idea, author=volunteer.user, body="Ben de gelirim.")
    # A public resource of the library (a link) and a suspension of the other volunteer's posting.
    resource = factories.resource(by=administrator, title="Eşitlik rehberi")
    suspension = PostingSuspension.objects.create(
        person=other_volunteer.user,
        until=timezone.now() + datetime.timedelta(days=1),
        reason="Deneme",
        suspended_by=administrator,
    )
    return World(
        resource=resource,
        suspension=suspension,
        administrator=administrator,
        coordinator=coordinator,
        scoped_coordinator=scoped_coordinator,
        staff_without_2fa=staff_without_2fa,
        volunteer=volunteer,
        other_volunteer=other_volunteer,
        application=application,
        activity=activity,
        shift=shift,
        signup=signup,
        task=task,
        participant=participant,
        certificate=certificate,
        announcement=announcement,
        data_request=data_request,
        district=factories.district("konak"),
        assignment=assignment,
        idea=idea,
        comment=comment,
        incident=Incident.objects.create(
            title="Yanlış alıcıya giden e-posta",
            what_happened="Bir liste yanlış kişiye gönderildi.",
            discovered_at=timezone.now(),
            affected="Bir etkinliğin katılımcıları",
            logged_by=administrator,
        ),
        concern=raise_concern(
            by=volunteer.user,
            what_happened="Israrla mesaj attı.",
            about="Bir gönüllü",
            consent=True,
        ),
    )


def concrete(route: str, world: World, role: str) -> str:
    """The address a request for `route` goes to: each parameter filled with a real record."""
    values: dict[str, Any] = {
        "<token:token>": world.status_token(role),
        "<int:pk>": None,  # filled below, by route
        "<int:shift_pk>": world.shift.pk,
        "<int:task_pk>": world.task.pk,
        "<token:code>": world.certificate.code,
        "<signed:token>": coming_token(world.signup),
        "<str:token>": unsubscribe_token(world.volunteer.user, "announcements.announcement"),
        "<str:kind>": "announcement",
        "<int:volunteer_pk>": world.volunteer.pk,
        "<slug:key>": "applications-by-week",
        "<str:language>": "tr",
        "<str:card_format>": "square",
        "<id>": world.volunteer.user.pk,
        "<path:object_id>": None,
        "<path:content_type_id>": ContentType.objects.get_for_model(District).pk,
        "<slug:kind>": "resource",
        "<slug:action>": "publish",
        "<dataset>": "hours-by-district",  # the open-data API's tables
    }
    pk_by_prefix = [
        ("report/", world.resource.pk),
        ("staff/moderation/suspensions/", world.suspension.pk),
        ("staff/moderation/", world.resource.pk),
        ("staff/resources/", world.resource.pk),
        ("resources/", world.resource.pk),
        ("activities/registrations/", world.participant.cancel_token),
        ("me/calendar/", world.volunteer.calendar_token),
        ("staff/privacy/requests/", world.data_request.pk),
        ("staff/privacy/notices/", PrivacyNotice.objects.latest("pk").pk),
        ("staff/privacy/incidents/", world.incident.pk),
        ("staff/safety/", world.concern.pk),
        ("me/safety/", world.concern.pk),
        ("staff/applications/", world.application.pk),
        ("staff/volunteers/", world.volunteer.pk),
        ("staff/participants/", world.participant.pk),
        ("staff/signups/", world.signup.pk),
        ("activities/signups/", world.signup.pk),
        ("staff/shifts/", world.shift.pk),
        ("activities/shifts/", world.shift.pk),
        ("staff/tasks/", world.task.pk),
        ("me/tasks/", world.assignment.pk),  # her own claim of the task, not the task
        ("activities/tasks/", world.task.pk),
        ("staff/team/", world.coordinator.pk),
        ("announcements/", world.announcement.pk),
        ("me/announcements/", world.announcement.pk),
        ("staff/announcements/kit/activity/", world.activity.pk),
        ("staff/announcements/", world.announcement.pk),
        ("staff/activities/", world.activity.pk),
        ("activities/", world.activity.pk),
        ("ideas/comments/", world.comment.pk),
        ("ideas/", world.idea.pk),
        ("staff/ideas/", world.idea.pk),
    ]
    path = route
    if path.startswith("open-data/"):
        values["<slug:key>"] = "hours-by-district"
    if "registrations/<token:token>" in path or "me/calendar/<token:token>" in path:
        for prefix, value in pk_by_prefix:
            if path.startswith(prefix):
                path = path.replace("<token:token>", str(value))
                break
    if "<int:task_pk>" in path:
        values["<int:pk>"] = world.task.activity.pk
    elif "<int:pk>" in path:
        for prefix, value in pk_by_prefix:
            if path.startswith(prefix):
                values["<int:pk>"] = value
                break
    if "<path:object_id>" in path:
        values["<path:object_id>"] = _admin_object(path, world)
    for placeholder, value in values.items():
        if placeholder in path:
            path = path.replace(placeholder, str(value))
    return "/" + _regex_route(path)


def _admin_object(path: str, world: World) -> Any:
    if "/accounts/user/" in path:
        return world.volunteer.user.pk
    if "/reference/volunteerarea/" in path:
        return factories.area().pk
    if "/reference/language/" in path:
        return factories.language().pk
    if "/reference/" in path or path.startswith("staff/admin/r/"):
        return world.district.pk
    if "/activities/activitykind/" in path:
        return world.activity.kind.pk
    return "00000000-0000-0000-0000-000000000000"  # a task result that does not exist


def _regex_route(path: str) -> str:
    """allauth's and the admin's regular-expression routes, with a made-up value each."""
    replacements = {
        "^confirm-email/(?P<key>[-:\\w]+)/$": "confirm-email/made-up-key/",
        "^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": (
            "password/reset/key/1-made-up/"
        ),
        "(?P<url>.*)$": "no-such-page/",
    }
    for pattern, value in replacements.items():
        path = path.replace(pattern, value)
    return re.sub(r"\^\(\?P<app_label>[^)]*\)/\$", "reference/", path)
