"""The retention rules (settings.RETENTION): who is anonymised when, at a fixed "now", the
dry run, idempotence, and the destruction records they leave."""

import datetime
import decimal

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from esit.activities.models import HoursEntry, Participant
from esit.applications.models import Application
from esit.audit.models import AuditEvent
from esit.core.anonymous import ANONYMOUS_NAME
from esit.kvkk import retention
from esit.kvkk.models import DataRequest, DestructionRecord, RetentionRun, RetentionWarning
from esit.privacy.models import ConsentRecord
from esit.privacy.services import record_consent
from esit.volunteers.models import Volunteer
from tests import factories

NOW = timezone.make_aware(datetime.datetime(2027, 6, 15, 3, 0))
MINUTE = datetime.timedelta(minutes=1)


def months_ago(months: int, moment: datetime.datetime = NOW) -> datetime.datetime:
    return moment - relativedelta(months=months)


def declined(decided_at, *, status=Application.Status.REJECTED, **fields):
    return factories.ApplicationFactory(
        status=status, decided_at=decided_at, submitted_at=decided_at - MINUTE, **fields
    )


def participant(ended_at, *, email, phone=""):
    activity = factories.ActivityFactory(
        public_registration=True,
        public_capacity=10,
        starts_at=ended_at - datetime.timedelta(hours=2),
        ends_at=ended_at,
    )
    return Participant.objects.create(
        activity=activity,
        name="Gülşen Öztürk",
        email=email,
        phone=phone,
        status=Participant.Status.CONFIRMED,
        consent=record_consent(email=email, ip="198.51.100.7", at=ended_at),
        registered_at=ended_at - datetime.timedelta(days=3),
    )


def inactive_volunteer(months: int, **fields):
    return factories.VolunteerFactory(joined_at=months_ago(months), **fields)


# Rejected and withdrawn applications ------------------------------------------------------------


@pytest.mark.django_db
def test_declined_applications_are_anonymised_six_months_after_the_decision_not_before():
    old = declined(months_ago(6) - MINUTE, email="eski@example.org")
    withdrawn = declined(
        months_ago(6) - MINUTE, status=Application.Status.WITHDRAWN, email="geri@example.org"
    )
    recent = declined(months_ago(6) + MINUTE, email="yeni@example.org")
    open_one = factories.ApplicationFactory(submitted_at=months_ago(12), email="acik@example.org")

    outcomes = {outcome.rule: outcome for outcome in retention.apply_rules(now=NOW)}

    for application in (old, withdrawn, recent, open_one):
        application.refresh_from_db()
    assert old.first_name == withdrawn.first_name == ANONYMOUS_NAME
    assert old.motivation == ""
    assert old.phone == ""
    assert recent.email == "yeni@example.org"
    assert recent.first_name != ANONYMOUS_NAME
    assert open_one.email == "acik@example.org"
    assert outcomes["applications"].people == 2
    destruction = DestructionRecord.objects.get(rule="applications")
    assert destruction.reason == DestructionRecord.Reason.RETENTION
    assert destruction.method == DestructionRecord.Method.ANONYMISED
    assert destruction.people == 2
    assert "identity" in destruction.categories
    assert "contact" in destruction.categories
    assert destruction.run.day == timezone.localdate(NOW)
    # The consent proof stays, without whose it was.
    assert not ConsentRecord.objects.filter(email="eski@example.org").exists()


@pytest.mark.django_db
def test_a_declined_applicant_who_applied_again_keeps_everything():
    old = declined(months_ago(8), email="tekrar@example.org")
    factories.ApplicationFactory(email="tekrar@example.org", submitted_at=months_ago(1))

    retention.apply_rules(now=NOW)

    old.refresh_from_db()
    assert old.email == "tekrar@example.org"
    assert not DestructionRecord.objects.filter(rule="applications").exists()


@pytest.mark.django_db
def test_a_declined_applicant_with_an_open_kvkk_request_is_kept_until_it_is_answered(
    administrator,
):
    old = declined(months_ago(8), email="talep@example.org")
    DataRequest.objects.create(
        kind="access",
        channel="email",
        requester_name="Talep Eden",
        requester_email="talep@example.org",
        summary="Kopya istiyor.",
        received_on=NOW.date(),
        deadline=NOW.date(),
        logged_by=administrator,
    )

    retention.apply_rules(now=NOW)

    old.refresh_from_db()
    assert old.email == "talep@example.org"


# Public participants ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_participants_are_anonymised_twelve_months_after_their_activity_ended():
    old = participant(months_ago(12) - MINUTE, email="katilimci@example.org", phone="+905551112233")
    recent = participant(months_ago(12) + MINUTE, email="yakin@example.org")

    retention.apply_rules(now=NOW)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.name == ANONYMOUS_NAME
    assert old.phone == ""
    assert old.email.endswith("@anonim.invalid")
    assert recent.email == "yakin@example.org"
    destruction = DestructionRecord.objects.get(rule="participants")
    assert destruction.people == 1
    # Attendance still counts in the activity's figures.
    assert Participant.objects.filter(activity=old.activity).count() == 1


@pytest.mark.django_db
def test_a_participant_who_came_again_recently_is_kept_whole():
    old = participant(months_ago(14), email="gene@example.org")
    participant(months_ago(2), email="gene@example.org")

    retention.apply_rules(now=NOW)

    old.refresh_from_db()
    assert old.email == "gene@example.org"


@pytest.mark.django_db
def test_a_participant_who_is_a_volunteer_is_left_to_the_volunteers_rule():
    volunteer = factories.VolunteerFactory(joined_at=months_ago(3))
    old = participant(months_ago(14), email=volunteer.user.email)

    retention.apply_rules(now=NOW)

    old.refresh_from_db()
    assert old.email == volunteer.user.email


# Inactive volunteers ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_volunteers_silent_for_24_months_are_warned_once_and_others_are_not(run_on_commit):
    silent = factories.VolunteerFactory(joined_at=months_ago(24) - MINUTE)
    joined_later = factories.VolunteerFactory(joined_at=months_ago(24) + MINUTE)
    signed_in = factories.VolunteerFactory(joined_at=months_ago(30))
    signed_in.user.last_login = months_ago(23)
    signed_in.user.save(update_fields=["last_login"])
    worked = factories.VolunteerFactory(joined_at=months_ago(30))
    factories.HoursEntryFactory(volunteer=worked, date=(NOW - datetime.timedelta(days=40)).date())

    with run_on_commit():
        outcomes = {outcome.rule: outcome for outcome in retention.apply_rules(now=NOW)}

    assert outcomes["inactive_volunteers"].warned == 1
    warning = RetentionWarning.objects.get()
    assert warning.volunteer == silent
    assert warning.anonymise_after == NOW + datetime.timedelta(days=30)
    assert [message.to for message in mail.outbox] == [[silent.user.email]]
    assert "/me/stay/" in mail.outbox[0].body
    assert not RetentionWarning.objects.filter(volunteer__in=[joined_later, signed_in, worked])
    silent.refresh_from_db()
    assert silent.first_name != ANONYMOUS_NAME  # a warning destroys nothing

    retention.apply_rules(now=NOW + datetime.timedelta(days=1))
    assert RetentionWarning.objects.filter(volunteer=silent).count() == 1  # warned once


@pytest.mark.django_db
def test_a_warned_volunteer_is_anonymised_30_days_later_and_her_hours_still_count():
    silent = inactive_volunteer(25)
    factories.HoursEntryFactory(
        volunteer=silent, status="approved", hours=4, date=months_ago(26).date()
    )
    total_before = HoursEntry.objects.aggregate(total=Sum("hours"))["total"]
    retention.apply_rules(now=NOW)

    retention.apply_rules(now=NOW + datetime.timedelta(days=30) - MINUTE)
    silent.refresh_from_db()
    assert silent.first_name != ANONYMOUS_NAME  # not before the 30 days are over

    retention.apply_rules(now=NOW + datetime.timedelta(days=30))

    silent.refresh_from_db()
    silent.user.refresh_from_db()
    assert silent.first_name == ANONYMOUS_NAME
    assert silent.phone == ""
    assert silent.status == Volunteer.Status.WITHDRAWN
    assert not silent.user.has_usable_password()
    assert HoursEntry.objects.aggregate(total=Sum("hours"))["total"] == total_before
    assert total_before == decimal.Decimal(4)
    warning = RetentionWarning.objects.get()
    assert warning.anonymised_at is not None
    destruction = DestructionRecord.objects.get(rule="inactive_volunteers")
    assert destruction.people == 1


@pytest.mark.django_db
def test_a_volunteer_who_stays_is_kept_and_the_silence_counts_again_from_then(client):
    silent = inactive_volunteer(25)
    retention.apply_rules(now=NOW)
    warning = RetentionWarning.objects.get()
    url = f"/me/stay/{retention.stay_token(warning)}/"

    page = client.get(url)
    assert page.status_code == 200
    warning.refresh_from_db()
    assert warning.is_open  # reading the page changes nothing
    client.post(url)

    retention.apply_rules(now=NOW + datetime.timedelta(days=31))
    silent.refresh_from_db()
    warning.refresh_from_db()
    assert warning.stayed_at is not None
    assert silent.first_name != ANONYMOUS_NAME
    assert not DestructionRecord.objects.filter(rule="inactive_volunteers").exists()
    assert AuditEvent.objects.filter(action="kvkk.retention_stayed").count() == 1


@pytest.mark.django_db
def test_a_signed_in_volunteer_can_stay_from_her_own_page(client):
    silent = inactive_volunteer(25)
    retention.apply_rules(now=NOW)
    client.force_login(silent.user)

    assert "Kalmak istiyorum" in client.get("/me/stay/").content.decode()
    client.post("/me/stay/")

    assert RetentionWarning.objects.get().stayed_at is not None


@pytest.mark.django_db
def test_a_tampered_stay_link_finds_nothing(client):
    inactive_volunteer(25)
    retention.apply_rules(now=NOW)
    warning = RetentionWarning.objects.get()

    response = client.post(f"/me/stay/{retention.stay_token(warning)}x/")

    assert response.status_code == 404
    warning.refresh_from_db()
    assert warning.is_open


@pytest.mark.django_db
def test_a_volunteer_who_signed_in_after_the_warning_is_not_anonymised():
    silent = inactive_volunteer(25)
    retention.apply_rules(now=NOW)
    silent.user.last_login = NOW + datetime.timedelta(days=3)
    silent.user.save(update_fields=["last_login"])

    retention.apply_rules(now=NOW + datetime.timedelta(days=31))

    silent.refresh_from_db()
    assert silent.first_name != ANONYMOUS_NAME
    assert RetentionWarning.objects.get().stayed_at is not None


# The audit trail --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_audit_events_older_than_the_period_are_deleted_and_destruction_records_never(settings):
    settings.RETENTION = {**settings.RETENTION, "AUDIT_MONTHS": 24}
    AuditEvent.objects.create(
        at=months_ago(24) - MINUTE,
        action="kvkk.erased",
        summary="eski",
        person_type="x",
        person_id="1",
    )
    kept = AuditEvent.objects.create(
        at=months_ago(24) + MINUTE, action="kvkk.erased", summary="yeni"
    )
    ancient = DestructionRecord.objects.create(
        reason="request", method="anonymised", categories=[], people=1, rows=3
    )
    DestructionRecord.objects.filter(pk=ancient.pk).update(at=NOW - relativedelta(years=5))

    retention.apply_rules(now=NOW)

    assert list(AuditEvent.objects.filter(at__lt=months_ago(24))) == []
    assert AuditEvent.objects.filter(pk=kept.pk).exists()
    assert DestructionRecord.objects.filter(pk=ancient.pk).exists()
    purge = DestructionRecord.objects.get(rule="audit")
    assert purge.method == DestructionRecord.Method.DELETED
    assert purge.rows == 1
    assert purge.people == 1


# Twice, and the dry run -------------------------------------------------------------------------


def _everything():
    declined(months_ago(7), email="iki@example.org")
    participant(months_ago(13), email="iki-katilimci@example.org")
    inactive_volunteer(30)
    AuditEvent.objects.create(at=months_ago(40), action="kvkk.erased", summary="eski")


def _snapshot():
    return {
        "applications": list(Application.objects.values_list("email", "first_name", "motivation")),
        "participants": list(Participant.objects.values_list("email", "name")),
        "volunteers": list(Volunteer.objects.values_list("first_name", "status")),
        "warnings": RetentionWarning.objects.count(),
        "destructions": DestructionRecord.objects.count(),
        "runs": RetentionRun.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


@pytest.mark.django_db
def test_a_second_run_the_same_day_changes_nothing_and_writes_no_record():
    _everything()
    retention.apply_rules(now=NOW)
    first = _snapshot()
    assert first["destructions"] == 3  # applications, participants, audit
    assert first["warnings"] == 1

    outcomes = retention.apply_rules(now=NOW + datetime.timedelta(hours=5))

    assert _snapshot() == first
    assert all(outcome.people == 0 and outcome.record is None for outcome in outcomes)


@pytest.mark.django_db
def test_the_dry_run_counts_who_would_be_affected_and_changes_nothing():
    _everything()
    before = _snapshot()

    preview = {outcome.rule: outcome for outcome in retention.preview(now=NOW)}

    assert _snapshot() == before
    assert preview["applications"].people == 1
    assert preview["participants"].people == 1
    assert preview["inactive_volunteers"].warned == 1
    assert preview["inactive_volunteers"].people == 0
    assert preview["audit"].rows == 1


@pytest.mark.django_db
def test_the_command_dry_run_changes_nothing_and_the_command_runs_the_rules(capsys):
    declined(timezone.now() - relativedelta(months=7), email="komut@example.org")

    call_command("apply_retention", "--dry-run")
    assert Application.objects.filter(email="komut@example.org").exists()
    assert "applications: 1 people" in capsys.readouterr().out

    call_command("apply_retention")
    assert not Application.objects.filter(email="komut@example.org").exists()
    assert DestructionRecord.objects.filter(rule="applications", people=1).exists()


@pytest.mark.django_db
def test_the_task_runs_the_rules(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    from esit.kvkk.tasks import apply_retention_task

    declined(timezone.now() - relativedelta(months=7), email="gorev@example.org")

    result = apply_retention_task.enqueue()

    assert result.return_value["applications"] == 1
    assert not Application.objects.filter(email="gorev@example.org").exists()


@pytest.mark.django_db
def test_the_command_can_hand_the_run_to_the_worker(settings, capsys):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    declined(timezone.now() - relativedelta(months=7), email="kuyruk@example.org")

    call_command("apply_retention", "--enqueue")

    assert "Retention task queued" in capsys.readouterr().out
    assert not Application.objects.filter(email="kuyruk@example.org").exists()
