"""Each moderator's decision: done through the queue, audited, the author told where she is
concerned, and the content's open reports resolved."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from esit.audit.models import AuditEvent
from esit.core.errors import RuleError
from esit.moderation import services
from esit.moderation.models import ModerationDecision, PostingSuspension, Report
from esit.moderation.services import ensure_may_post, report_content
from esit.notifications.models import Delivery
from esit.notifications.services import send_one
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(db):
    return factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Defne", last_name="Kaya")
    )


@pytest.fixture
def reported(author):
    resource = factories.resource(by=author.user, title="Bildirilen kaynak")
    resource.status = "published"
    resource.save(update_fields=["status"])
    for reason in ("spam", "hate"):
        report_content(reporter=factories.VolunteerFactory().user, content=resource, reason=reason)
    return resource


def decide(client, resource, action, data=None):
    return client.post(
        reverse("moderation:decide", args=["resource", resource.pk, action]), data or {}
    )


def open_reports(resource) -> int:
    return Report.objects.filter(object_id=resource.pk, resolved_at__isnull=True).count()


def test_hiding_hides_at_once_audits_and_resolves(coordinator_client, coordinator, reported):
    response = decide(
        coordinator_client, reported, "hide", {"hide-reason": "hate", "hide-note": ""}
    )
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.is_hidden
    assert reported.hidden_because == "moderator"
    assert open_reports(reported) == 0
    event = AuditEvent.objects.get(action="moderation.hidden")
    assert event.actor == coordinator
    assert event.object_id == str(reported.pk)


def test_hiding_needs_a_reason(coordinator_client, reported):
    response = decide(coordinator_client, reported, "hide", {"hide-reason": ""})
    assert response.status_code == 400
    assert 'id="id_hide-reason_error"' in response.content.decode()
    reported.refresh_from_db()
    assert not reported.is_hidden


def test_restoring_makes_hidden_content_visible_again(coordinator_client, coordinator, reported):
    services.hide_content(moderator=coordinator, content=reported, reason="spam")
    decide(coordinator_client, reported, "restore")
    reported.refresh_from_db()
    assert not reported.is_hidden
    assert AuditEvent.objects.filter(action="moderation.restored").exists()


def test_dismissing_closes_the_reports_and_leaves_the_content(coordinator_client, reported):
    decide(coordinator_client, reported, "dismiss")
    reported.refresh_from_db()
    assert not reported.is_hidden
    assert open_reports(reported) == 0
    assert AuditEvent.objects.filter(action="moderation.dismissed").exists()


def test_dismissing_brings_back_content_the_reports_alone_hid(coordinator, reported):
    report_content(reporter=factories.VolunteerFactory().user, content=reported, reason="spam")
    reported.refresh_from_db()
    assert reported.hidden_because == "reports"
    services.dismiss_reports(moderator=coordinator, content=reported)
    reported.refresh_from_db()
    assert not reported.is_hidden


def test_warning_the_author_sends_the_moderators_message(
    coordinator_client, reported, author, mailoutbox, run_on_commit
):
    with run_on_commit():
        decide(coordinator_client, reported, "warn", {"warn-message": "Lütfen kibar olun."})
    assert open_reports(reported) == 0
    assert AuditEvent.objects.filter(
        action="moderation.warned", person_id=str(author.user.pk)
    ).exists()
    assert Delivery.objects.get(kind="moderation.warning").address == author.user.email
    assert mailoutbox[0].to == [author.user.email]
    assert "Lütfen kibar olun." in mailoutbox[0].body


def test_a_warning_needs_a_message(coordinator_client, reported):
    response = decide(coordinator_client, reported, "warn", {"warn-message": " "})
    assert response.status_code == 400
    assert not Delivery.objects.filter(kind="moderation.warning").exists()


@pytest.mark.parametrize("days", [1, 7, 30])
def test_suspending_for_a_period_stops_her_posting(
    coordinator_client, reported, author, mailoutbox, run_on_commit, days
):
    with run_on_commit():
        decide(
            coordinator_client, reported, "suspend",
            {"suspend-period": str(days), "suspend-reason": "Tekrarlanan hakaret."},
        )  # fmt: skip
    suspension = PostingSuspension.objects.get(person=author.user)
    expected = timezone.now() + datetime.timedelta(days=days)
    assert abs((suspension.until - expected).total_seconds()) < 60
    assert open_reports(reported) == 0
    assert AuditEvent.objects.filter(action="moderation.suspended").exists()
    assert "Tekrarlanan hakaret." in mailoutbox[0].body
    with pytest.raises(RuleError):
        ensure_may_post(author.user)


def test_suspending_until_a_date_ends_at_the_end_of_that_day(coordinator_client, reported, author):
    day = timezone.localdate() + datetime.timedelta(days=3)
    decide(
        coordinator_client, reported, "suspend",
        {"suspend-period": "date", "suspend-until": day.isoformat(), "suspend-reason": "Spam."},
    )  # fmt: skip
    until = timezone.localtime(PostingSuspension.objects.get().until)
    assert until.date() == day + datetime.timedelta(days=1)
    assert until.hour == 0


def test_a_date_in_the_past_is_refused_next_to_the_field(coordinator_client, reported):
    response = decide(
        coordinator_client, reported, "suspend",
        {"suspend-period": "date", "suspend-until": "2020-01-01", "suspend-reason": "Spam."},
    )  # fmt: skip
    assert response.status_code == 400
    assert 'id="id_suspend-until_error"' in response.content.decode()
    assert not PostingSuspension.objects.exists()


def test_lifting_a_suspension_early_lets_her_post_again(
    coordinator_client, coordinator, reported, author
):
    suspension = services.suspend_author(
        moderator=coordinator, content=reported, until=timezone.now() + datetime.timedelta(days=7),
        reason="Spam.",
    )  # fmt: skip
    response = coordinator_client.post(reverse("moderation:lift", args=[suspension.pk]))
    assert response.status_code == 302
    ensure_may_post(author.user)  # no refusal
    assert AuditEvent.objects.filter(action="moderation.suspension_lifted").exists()


def test_a_suspension_lifted_before_its_e_mail_leaves_is_not_announced(
    coordinator, reported, author, mailoutbox, run_on_commit
):
    suspension = services.suspend_author(
        moderator=coordinator, content=reported, until=timezone.now() + datetime.timedelta(days=7),
        reason="Spam.",
    )  # fmt: skip
    services.lift_suspension(moderator=coordinator, suspension=suspension)
    send_one(Delivery.objects.get(kind="moderation.suspended").pk)
    assert mailoutbox == []


def test_volunteers_cannot_decide(volunteer_client, reported):
    assert decide(volunteer_client, reported, "hide", {"hide-reason": "spam"}).status_code == 403
    reported.refresh_from_db()
    assert not reported.is_hidden


NOTE = "Defne Kaya'nın telefon numarasını paylaşmış, 0532 000 00 00"


def test_the_hiding_note_stays_on_the_decision_not_in_the_audit_summary(
    coordinator_client, coordinator, reported
):
    """More people read the audit trail: its summary says the count and the reason, never
    the moderator's free text about a person's post. Moderators read the note on the
    content's page."""
    response = decide(
        coordinator_client, reported, "hide", {"hide-reason": "hate", "hide-note": NOTE}
    )

    assert response.status_code == 302
    event = AuditEvent.objects.get(action="moderation.hidden")
    assert NOTE not in event.summary
    assert "0532" not in event.summary
    decision = ModerationDecision.objects.get()
    assert decision.note == NOTE
    assert decision.moderator == coordinator
    assert decision.reason == "hate"
    page = coordinator_client.get(
        reverse("moderation:content", args=["resource", reported.pk])
    ).content.decode()
    assert "0532 000 00 00" in page


def test_no_decision_or_suspension_summary_carries_free_text(coordinator, reported, author):
    services.warn_author(moderator=coordinator, content=reported, message=NOTE)
    services.suspend_author(
        moderator=coordinator,
        content=reported,
        until=timezone.now() + datetime.timedelta(days=7),
        reason=NOTE,
    )
    for event in AuditEvent.objects.filter(action__startswith="moderation."):
        assert "0532" not in event.summary, event.action
