"""A living demo: staff with two factors, applications in every status, volunteers, and
their activities, shifts, tasks, public participants, hours and a certificate; and the
network's year (esit/demo/impact.py: forty more volunteers and twelve monthly meetings, so
the reports and open data show cells, not "<5").

Everything goes through the same services a visitor and a coordinator use
(`submit_application`, `approve_application`, `sign_up`, `check_in`, …), so
the demo obeys every rule of the product; only what those services rightly
refuse for the past (signing up for a shift that is over) is written directly,
and says so. Running it again changes nothing: people are found by e-mail,
applications by a submission key derived from the e-mail (the same one-time
key that makes a double-clicked form create one record), activities by their
Turkish title, self-reported hours by their description, and decisions are
only taken on what this run created.
"""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from esit.accounts.models import Role
from esit.activities.models import (
    Activity,
    Certificate,
    HoursEntry,
    Participant,
    Shift,
    SignUp,
    Task,
    TaskAssignment,
)
from esit.announcements.models import Announcement
from esit.applications.models import Application
from esit.community.models import Idea
from esit.demo.accounts import (
    DEMO_PASSWORD,
    DEMO_VOLUNTEER_EMAIL,
    STAFF,
    ensure_password,
    ensure_staff_member,
)
from esit.demo.activities import seed_activities, seed_certificate, seed_self_reported_hours
from esit.demo.announcements import seed_announcements
from esit.demo.applications import APPLICANTS, seed_application
from esit.demo.common import by_status, quiet_task_log
from esit.demo.community import seed_ideas
from esit.demo.impact import seed_network_year
from esit.demo.matching import seed_invitations
from esit.demo.resources import seed_resources
from esit.demo.safety import seed_safety
from esit.demo.volunteers import seed_volunteer_statuses
from esit.matching.models import Invitation
from esit.resources.models import Resource
from esit.safety.models import Concern
from esit.volunteers.models import Volunteer

LOCAL_HOSTS = {"127.0.0.1", "localhost", "testserver", "::1", "[::1]"}


class Command(BaseCommand):
    help = (
        "Fill the database with demo staff, applications, volunteers and their activities, "
        "shifts, tasks, hours and a certificate (safe to run again)."
    )

    def handle(self, *args, **options):
        public_hosts = set(settings.ALLOWED_HOSTS) - LOCAL_HOSTS
        if settings.PRODUCTION or public_hosts:
            # The demo logins (and their second factors) are in this repository: a server
            # that anyone can reach must never have them.
            raise CommandError(
                "seed_demo creates accounts whose passwords are public: only on a local "
                f"development machine (not in production, not for {sorted(public_hosts)})."
            )
        # Decisions e-mail applicants through django.tasks. Here the tasks run at once and
        # the mail goes nowhere: 25 demo e-mails would bury the logins in the console, and
        # with the database task backend they would wait for a worker to send them later.
        with (
            quiet_task_log(),
            override_settings(
                TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
                MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}},
            ),
            transaction.atomic(),
        ):
            staff = [ensure_staff_member(member) for member in STAFF]
            created = [seed_application(applicant, decided_by=staff[1]) for applicant in APPLICANTS]
            ensure_password(get_user_model().objects.get(email=DEMO_VOLUNTEER_EMAIL))
            new_activities = seed_activities(coordinator=staff[1])
            seed_self_reported_hours(coordinator=staff[1])
            seed_certificate()
            seed_volunteer_statuses(coordinator=staff[1])
            new_announcements = seed_announcements(coordinator=staff[1])
            new_invitations = seed_invitations(coordinator=staff[1])
            new_concerns = seed_safety(
                handler=staff[0],
                volunteer=get_user_model().objects.get(email=DEMO_VOLUNTEER_EMAIL),
            )
            new_ideas = seed_ideas(coordinator=staff[1])
            new_resources = seed_resources(coordinator=staff[1])
            new_meetings = seed_network_year(coordinator=staff[1])
        self.report(staff, created=sum(created), new_activities=new_activities + new_meetings)
        self.stdout.write(
            f"Announcements: {Announcement.objects.count()} ({new_announcements} new; "
            f"{by_status(Announcement)})."
        )
        self.stdout.write(
            f"Invitations: {Invitation.objects.count()} ({new_invitations} new; "
            f"{by_status(Invitation)})."
        )
        self.stdout.write(
            f"Safety concerns: {Concern.objects.count()} ({new_concerns} new); handled by "
            f"{staff[0].email} (safety.handle_concerns)."
        )
        self.stdout.write(f"Ideas: {Idea.objects.count()} ({new_ideas} new; {by_status(Idea)}).")
        self.stdout.write(
            f"Resources: {Resource.objects.count()} ({new_resources} new; "
            f"{by_status(Resource)}; hidden by reports: "
            f"{Resource.objects.filter(hidden_because='reports').count()})."
        )
        self.stdout.write(
            f"The network's year (reports and open data): {new_meetings} new monthly "
            "meetings of the forty demo volunteers."
        )

    def report(self, staff, *, created: int, new_activities: int) -> None:
        write = self.stdout.write
        counts = ", ".join(
            f"{status.label}: {Application.objects.filter(status=status).count()}"
            for status in Application.Status
        )
        write(f"Demo data ready ({created} new applications). Applications: {counts}.")
        write(
            f"Activities: {Activity.objects.count()} ({new_activities} new; "
            f"{by_status(Activity)}); shifts: {Shift.objects.count()}; "
            f"sign-ups: {SignUp.objects.count()} ({by_status(SignUp)}); "
            f"tasks: {Task.objects.count()} (assignments: {by_status(TaskAssignment)}); "
            f"participants: {Participant.objects.count()} ({by_status(Participant)}); "
            f"hours: {by_status(HoursEntry)}; certificates: {Certificate.objects.count()}; "
            f"volunteers: {by_status(Volunteer)}."
        )
        write(self.style.SUCCESS(f"Demo logins ({settings.SITE_URL}/accounts/login/):"))
        counter = int(time.time()) // mfa_settings.TOTP_PERIOD
        for member, user in zip(STAFF, staff, strict=True):
            code = format_hotp_value(hotp_value(member.totp_secret, counter))
            write(
                f"  {member.role.label:<12} {user.email}  password: {DEMO_PASSWORD}\n"
                f"  {'':<12} TOTP secret {member.totp_secret} (code now: {code}), for your app:\n"
                f"  {'':<12} {get_mfa_adapter().build_totp_url(user, member.totp_secret)}"
            )
        write(f"  {Role.VOLUNTEER.label:<12} {DEMO_VOLUNTEER_EMAIL}  password: {DEMO_PASSWORD}")
