"""The moderators' queue: reported content grouped per piece, filters, the tab of content
hidden by reports; display names only; moderators only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from esit.moderation.services import report_content, suspend_author
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(db):
    return factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Defne", last_name="Kaya")
    )


def report(resource, reason="spam", times=1):
    for _n in range(times):
        report_content(reporter=factories.VolunteerFactory().user, content=resource, reason=reason)


def test_reported_content_is_listed_once_with_its_reporters_and_reasons(coordinator_client, author):
    resource = factories.resource(by=author.user, title="Şüpheli kaynak")
    report(resource, "spam")
    report(resource, "hate")
    response = coordinator_client.get(reverse("moderation:queue"))
    (item,) = response.context["queue_items"]
    assert (item.title, item.reporters, item.author) == ("Şüpheli kaynak", 2, "Defne K.")
    assert sorted(item.reasons) == sorted(["Nefret söylemi veya ayrımcılık", "Reklam veya spam"])
    page = response.content.decode()
    assert author.user.email not in page


def test_filters_by_reason_and_by_hidden(coordinator_client, coordinator):
    spam = factories.resource(by=coordinator, title="Reklam")
    hate = factories.resource(by=coordinator, title="Nefret")
    report(spam, "spam")
    report(hate, "hate", times=3)  # hidden by the reports
    queue = reverse("moderation:queue")
    titles = lambda response: [item.title for item in response.context["queue_items"]]  # noqa: E731
    assert titles(coordinator_client.get(queue, {"reason": "spam"})) == ["Reklam"]
    assert titles(coordinator_client.get(queue, {"hidden": "yes"})) == ["Nefret"]
    assert titles(coordinator_client.get(queue, {"hidden": "no", "kind": "resource"})) == ["Reklam"]
    assert titles(coordinator_client.get(queue, {"tab": "hidden"})) == ["Nefret"]


def test_the_content_page_shows_reports_by_display_name(coordinator_client, coordinator):
    resource = factories.resource(by=coordinator)
    reporter = factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Işıl", last_name="Öz")
    )
    report_content(
        reporter=reporter.user, content=resource, reason="false", details="Yanlış bilgi."
    )
    page = coordinator_client.get(
        reverse("moderation:content", args=["resource", resource.pk])
    ).content.decode()
    assert "Işıl Ö." in page
    assert "Yanlış bilgi." in page
    assert reporter.user.email not in page


def test_decided_content_leaves_the_queue(coordinator_client, coordinator):
    resource = factories.resource(by=coordinator)
    report(resource)
    coordinator_client.post(reverse("moderation:decide", args=["resource", resource.pk, "dismiss"]))
    assert coordinator_client.get(reverse("moderation:queue")).context["queue_items"] == []


def test_volunteers_cannot_open_the_queue(volunteer_client):
    assert volunteer_client.get(reverse("moderation:queue")).status_code == 403


def test_the_queue_is_in_the_staff_menu_of_moderators(coordinator_client):
    page = coordinator_client.get(reverse("moderation:queue")).content.decode()
    assert f'href="{reverse("moderation:queue")}"' in page


def test_the_suspensions_tab_lists_people_by_display_name(coordinator_client, coordinator, author):
    resource = factories.resource(by=author.user)
    suspend_author(
        moderator=coordinator, content=resource, until=timezone.now() + datetime.timedelta(days=1),
        reason="Spam.",
    )  # fmt: skip
    page = coordinator_client.get(
        reverse("moderation:queue"), {"tab": "suspensions"}
    ).content.decode()
    assert "Defne K." in page
    assert author.user.email not in page
