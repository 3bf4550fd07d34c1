"""Staff move an idea through its statuses; the author and supporters are told by e-mail in
their language; an accepted idea becomes a draft activity in one step, audited."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from esit.activities.models import Activity
from esit.audit.models import AuditEvent
from esit.community import services
from esit.community.models import Idea, StatusChange
from esit.core.errors import RuleError
from esit.notifications.models import Preference
from esit.reference.models import PlanGoal
from tests import factories

pytestmark = pytest.mark.django_db


def test_staff_change_the_status_and_author_and_supporters_are_told(
    coordinator_client, coordinator, volunteer, other_volunteer, idea, run_on_commit
):
    other_volunteer.user.preferred_language = "en"
    other_volunteer.user.save(update_fields=["preferred_language"])
    services.support(idea=idea, person=other_volunteer.user)

    with run_on_commit():
        response = coordinator_client.post(
            reverse("community:status", args=[idea.pk]), {"status": "under_review"}
        )

    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == Idea.Status.UNDER_REVIEW
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {volunteer.user.email, other_volunteer.user.email}
    turkish, english = by_address[volunteer.user.email], by_address[other_volunteer.user.email]
    assert "İnceleniyor" in turkish.subject
    assert "Under review" in english.subject
    link = re.search(r"(http://\S+/ideas/\d+/)", turkish.body).group(1)
    assert link.endswith(idea.get_absolute_url())
    assert coordinator.email not in by_address
    assert AuditEvent.objects.filter(action="community.status_changed", object_id=str(idea.pk))


def test_a_person_who_turned_the_kind_off_is_not_told(coordinator, volunteer, idea, run_on_commit):
    Preference.objects.create(
        user=volunteer.user, kind=services.STATUS_KIND, channel="email", enabled=False
    )

    with run_on_commit():
        services.change_status(idea=idea, by=coordinator, to="under_review")

    assert mail.outbox == []


def test_declining_needs_a_public_reason(coordinator_client, coordinator, idea, volunteer):
    response = coordinator_client.post(
        reverse("community:status", args=[idea.pk]), {"status": "declined", "reason": ""}
    )

    assert response.status_code == 200
    assert "gerekçe yazın" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == Idea.Status.NEW

    services.change_status(idea=idea, by=coordinator, to="declined", reason="Bütçe yok.")
    client = coordinator_client
    client.force_login(volunteer.user)
    assert "Bütçe yok." in client.get(idea.get_absolute_url()).content.decode()


def test_a_status_cannot_jump(coordinator, idea):
    with pytest.raises(RuleError):
        services.change_status(idea=idea, by=coordinator, to="done")


def test_the_history_lists_every_change(coordinator, volunteer_client, idea):
    services.change_status(idea=idea, by=coordinator, to="under_review")
    services.change_status(idea=idea, by=coordinator, to="accepted")

    page = volunteer_client.get(idea.get_absolute_url()).content.decode()
    history = page[page.index('id="history-heading"') :]

    assert list(StatusChange.objects.values_list("to_status", flat=True)) == [
        "under_review",
        "accepted",
    ]
    assert history.index("İnceleniyor") < history.index("Kabul edildi")


def _activity_fields(district):
    return {
        "kind": factories.activity_kind().pk,
        "district": district.pk,
        "address": "Konak Kadın Danışma Merkezi",
        "starts_at": factories.in_days(10, 10).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": factories.in_days(10, 13).strftime("%Y-%m-%dT%H:%M"),
    }


def test_an_accepted_idea_becomes_a_draft_activity(coordinator_client, coordinator, idea):
    goal = PlanGoal.objects.active().first()
    idea.plan_goals.set([goal])
    services.change_status(idea=idea, by=coordinator, to="accepted")

    response = coordinator_client.post(
        reverse("community:activity", args=[idea.pk]), _activity_fields(idea.district)
    )

    idea.refresh_from_db()
    activity = idea.activity
    assert response.status_code == 302
    assert response["Location"] == reverse("planning:detail", args=[activity.pk])
    assert activity.status == Activity.Status.DRAFT
    assert activity.title_tr == idea.title
    assert activity.description_tr == idea.body
    assert list(activity.areas.all()) == [idea.area]
    assert activity.district == idea.district
    assert list(activity.plan_goals.all()) == [goal]
    assert idea.status == Idea.Status.IN_PROGRESS
    assert AuditEvent.objects.filter(action="community.activity_created", object_id=str(idea.pk))
    page = coordinator_client.get(idea.get_absolute_url()).content.decode()
    assert "Bu fikirden doğan etkinlik" in page


def test_only_an_accepted_idea_becomes_an_activity(coordinator, idea):
    with pytest.raises(RuleError):
        services.create_activity_from_idea(
            idea=idea,
            by=coordinator,
            kind=factories.activity_kind(),
            district=factories.district(),
            address="Konak",
            starts_at=factories.in_days(3),
            ends_at=factories.in_days(3) + datetime.timedelta(hours=2),
        )
    assert not Activity.objects.exists()


def test_a_refused_activity_is_explained_next_to_the_field_and_nothing_changes(
    coordinator_client, coordinator, idea
):
    services.change_status(idea=idea, by=coordinator, to="accepted")
    fields = {**_activity_fields(idea.district), "address": ""}

    response = coordinator_client.post(reverse("community:activity", args=[idea.pk]), fields)

    assert response.status_code == 200
    assert "adres ya da çevrim içi bağlantı" in response.content.decode().lower()
    idea.refresh_from_db()
    assert idea.activity is None
    assert idea.status == Idea.Status.ACCEPTED
    assert not Activity.objects.exists()
