"""`seed_demo` fills a living demo and running it again changes nothing."""

import datetime
from io import StringIO
from itertools import pairwise

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user
from django.core.management import CommandError, call_command
from django.db.models import Count, Sum
from django.utils import timezone

from esit.accounts.models import User
from esit.activities.models import (
    Activity,
    ActivityKind,
    Certificate,
    HoursEntry,
    Participant,
    Shift,
    SignUp,
    Task,
    TaskAssignment,
)
from esit.applications.models import Application, ApplicationLanguage, Decision
from esit.demo.accounts import DEMO_PASSWORD, DEMO_VOLUNTEER_EMAIL, STAFF
from esit.matching import selectors
from esit.matching.models import Invitation
from esit.privacy.models import ConsentRecord
from esit.volunteers.models import Volunteer
from tests.accounts.helpers import current_totp_code, sign_in

MODELS = [
    User,
    EmailAddress,
    Authenticator,
    Application,
    ApplicationLanguage,
    Decision,
    ConsentRecord,
    Volunteer,
    Activity,
    Shift,
    SignUp,
    Task,
    TaskAssignment,
    Participant,
    HoursEntry,
    Certificate,
    Invitation,
]


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def statuses(model) -> set[str]:
    return set(model.objects.values_list("status", flat=True))


def test_seed_demo_twice_changes_nothing(db, mailoutbox):
    seed()
    first = counts()
    passwords = dict(User.objects.values_list("email", "password"))

    seed()

    assert counts() == first
    assert dict(User.objects.values_list("email", "password")) == passwords
    assert "Activities: 29 (0 new;" in seed()  # 14 activities, 15 meetings of the year


def test_seed_demo_fills_every_application_status(db, mailoutbox):
    seed()

    for status in Application.Status:
        assert Application.objects.filter(status=status).exists(), status
    assert Application.objects.count() >= 20
    assert not Application.objects.filter(status="rejected", decision_reason="").exists()
    approved = Application.objects.filter(status="approved")
    assert Volunteer.objects.filter(application__in=approved).count() == approved.count()


def test_seed_demo_has_a_shift_with_ranked_matches_and_invitations_in_every_state(db, mailoutbox):
    seed()

    assert statuses(Invitation) == set(Invitation.Status.values)
    shifts = {invitation.shift for invitation in Invitation.objects.all()}
    assert len(shifts) == 1
    (shift,) = shifts
    assert selectors.ranked(selectors.work_of(shift), user=None)
    accepted = Invitation.objects.get(status="accepted")
    assert SignUp.objects.filter(shift=shift, volunteer=accepted.volunteer).exists()


def test_seed_demo_sends_no_mail(db, mailoutbox):
    seed()

    assert mailoutbox == []


def test_seed_demo_prints_working_logins(client, db, mailoutbox):
    output = seed()

    for member in STAFF:
        assert member.email in output
        assert member.totp_secret in output
    assert DEMO_PASSWORD in output
    coordinator = next(member for member in STAFF if member.role == "coordinator")
    sign_in(client, coordinator.email, password=DEMO_PASSWORD)
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(coordinator.totp_secret)})
    assert get_user(client).email == coordinator.email
    assert client.get("/staff/").status_code == 200


def test_seed_demo_volunteer_can_sign_in(client, db, mailoutbox):
    seed()

    sign_in(client, "gonullu@esitizmir.example", password=DEMO_PASSWORD)

    assert get_user(client).volunteer.is_active


def test_seed_demo_refuses_to_run_in_production(db, settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError):
        seed()
    assert not Application.objects.exists()


def test_seed_demo_refuses_to_run_on_a_server_reachable_by_others(db, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "gonullu.izmir.bel.tr"]

    with pytest.raises(CommandError, match=r"gonullu\.izmir\.bel\.tr"):
        seed()
    assert not Application.objects.exists()


# Activities ----------------------------------------------------------------------


def test_seed_demo_has_published_activities_of_every_kind_in_several_districts(db, mailoutbox):
    output = seed()

    published = Activity.objects.filter(status=Activity.Status.PUBLISHED)
    assert set(ActivityKind.objects.values_list("slug", flat=True)) == set(
        published.values_list("kind__slug", flat=True)
    )
    assert published.values("district").distinct().count() >= 4
    assert statuses(Activity) == set(Activity.Status.values)
    assert Activity.objects.filter(status="completed", ends_at__lt=timezone.now()).count() >= 3
    assert published.filter(starts_at__gt=timezone.now()).count() >= 6
    assert Activity.objects.filter(title_tr__regex=r"[İış]").exists()
    assert Activity.objects.exclude(title_en="").exists()
    assert "Activities: 29 (29 new;" in output


def test_seed_demo_fills_shifts_sign_ups_tasks_and_participants_in_every_state(db, mailoutbox):
    seed()

    assert statuses(SignUp) == set(SignUp.Status.values)
    assert {"attended", "no_show"} <= set(SignUp.objects.values_list("attendance", flat=True))
    assert Shift.objects.filter(newcomer_places__gt=0).exists()
    assert Activity.objects.filter(
        requires_approval=True, shifts__signups__status="pending"
    ).exists()
    weekly = Activity.objects.annotate(count=Count("shifts")).filter(count__gte=3).get()
    starts = sorted(weekly.shifts.values_list("starts_at", flat=True))
    assert {b - a for a, b in pairwise(starts)} == {datetime.timedelta(weeks=1)}
    assert Task.objects.filter(assignments__isnull=True).exists()
    assert statuses(TaskAssignment) >= {"claimed", "delivered", "returned", "accepted"}
    assert statuses(Participant) == set(Participant.Status.values)
    for signup in SignUp.objects.filter(status="confirmed").select_related("shift"):
        assert signup.created_at < signup.shift.starts_at


def test_seed_demo_has_hours_in_every_state_from_every_source(db, mailoutbox):
    seed()

    assert statuses(HoursEntry) == set(HoursEntry.Status.values)
    assert set(HoursEntry.objects.values_list("source", flat=True)) == set(HoursEntry.Source.values)
    assert not HoursEntry.objects.filter(status="rejected", review_comment="").exists()
    attended = SignUp.objects.filter(attendance="attended")
    assert HoursEntry.objects.filter(signup__in=attended).count() == attended.count()


def test_seed_demo_certificate_is_shown_and_verified(client, db, mailoutbox):
    seed()
    certificate = Certificate.objects.get()
    volunteer = Volunteer.objects.get(user__email=DEMO_VOLUNTEER_EMAIL)
    approved = volunteer.hours.filter(status="approved").aggregate(total=Sum("hours"))["total"]

    response = client.get(f"/certificates/{certificate.code}/")

    assert response.status_code == 200
    assert certificate.volunteer == volunteer
    assert certificate.total_hours == approved
    assert "Elif Çelik" in response.content.decode()
    client.force_login(volunteer.user)
    me = client.get("/me/")
    assert me.status_code == 200
    assert f"{approved:.0f}" in me.content.decode()
    for path in ["/me/shifts/", "/me/hours/", "/me/tasks/", "/me/certificate/"]:
        assert client.get(path).status_code == 200, path


def test_seed_demo_pages_render(client, db, mailoutbox):
    seed()
    workshop = Activity.objects.get(title_tr="Kız Çocukları İçin Kodlama ve Özgüven Atölyesi")

    listing = client.get("/activities/")
    detail = client.get(f"/activities/{workshop.pk}/")
    client.force_login(User.objects.get(email="koordinator@esitizmir.example"))
    roster = client.get(f"/staff/activities/{workshop.pk}/roster/")

    assert listing.status_code == 200
    assert workshop.title_tr in listing.content.decode()
    assert detail.status_code == 200
    assert roster.status_code == 200
    for signup in workshop.shifts.first().signups.select_related("volunteer"):
        assert signup.volunteer.full_name in roster.content.decode()
    past = Shift.objects.filter(signups__attendance="no_show").first()
    for path in [
        "/staff/hours/",
        "/staff/tasks/",
        "/staff/activities/",
        f"/staff/shifts/{past.pk}/check-in/",
        "/activities/calendar.ics",
    ]:
        assert client.get(path).status_code == 200, path


def test_seed_demo_has_volunteers_in_every_status(db, mailoutbox):
    seed()

    assert statuses(Volunteer) == set(Volunteer.Status.values)
    ended = Volunteer.objects.get(status="withdrawn", end_reason__gt="")
    assert ended.left_at is not None
    assert Volunteer.objects.get(status="paused").paused_at is not None
