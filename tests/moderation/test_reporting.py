"""Anyone signed in reports content she can see, once; three different people hide it until
a moderator looks. Tested with resources (community tests the same with ideas)."""

import pytest
from django.test import Client
from django.urls import reverse

from esit.audit.models import AuditEvent
from esit.core.errors import RuleError
from esit.moderation.models import Report
from esit.moderation.services import report_content
from esit.resources.models import Resource
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(coordinator):
    return factories.resource(by=coordinator, title="Hakaret içeren rehber")


def report_url(resource) -> str:
    return reverse("moderation:report", args=["resource", resource.pk])


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_report_page_offers_the_reasons(volunteer_client, guide):
    response = volunteer_client.get(report_url(guide))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hakaret içeren rehber" in page
    assert 'name="reason"' in page
    assert 'value="harassment"' in page


def test_a_report_is_kept_and_thanked_for(volunteer, volunteer_client, guide):
    response = volunteer_client.post(
        report_url(guide), {"reason": "hate", "details": "Ayrımcı ifadeler var."}, follow=True
    )
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.details) == (
        volunteer.user,
        "hate",
        "Ayrımcı ifadeler var.",
    )
    assert "moderatörler inceleyecek" in response.content.decode()


def test_reporting_twice_says_it_was_already_reported(volunteer_client, guide):
    volunteer_client.post(report_url(guide), {"reason": "spam"})
    again = volunteer_client.post(report_url(guide), {"reason": "hate"})
    assert "Bildiriminiz alındı" in again.content.decode()
    assert Report.objects.get().reason == "spam"


def test_a_reason_is_needed_and_details_are_limited(volunteer_client, guide):
    response = volunteer_client.post(report_url(guide), {"reason": "", "details": "x" * 1001})
    page = response.content.decode()
    assert 'id="id_reason_error"' in page
    assert 'id="id_details_error"' in page
    assert not Report.objects.exists()


def test_visitors_are_sent_to_sign_in(client, guide):
    response = client.get(report_url(guide))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_unknown_kind_is_not_found(volunteer_client, guide):
    assert volunteer_client.get(f"/report/nothing/{guide.pk}/").status_code == 404


def test_content_the_reporter_cannot_see_cannot_be_reported(coordinator, guide):
    internal = factories.resource(by=coordinator, audience="volunteers")
    outsider = factories.UserFactory()  # signed in, but no volunteer
    assert signed_in(outsider).get(report_url(internal)).status_code == 404
    assert signed_in(outsider).get(report_url(guide)).status_code == 200


def test_nobody_reports_her_own_content(volunteer):
    own = factories.resource(by=volunteer.user)
    with pytest.raises(RuleError):
        report_content(reporter=volunteer.user, content=own, reason="spam")


def test_reports_are_rate_limited(settings, coordinator):
    settings.MODERATION_REPORT_RATE_LIMIT = "2/h"
    client = signed_in(factories.VolunteerFactory().user)
    resources = [factories.resource(by=coordinator, title=f"R{n}") for n in range(3)]
    answers = [client.post(report_url(r), {"reason": "spam"}).status_code for r in resources]
    assert answers == [302, 302, 429]
    assert Report.objects.count() == 2


def test_three_different_people_hide_content_until_a_moderator_looks(guide):
    for _n in range(2):
        report_content(reporter=factories.VolunteerFactory().user, content=guide, reason="spam")
    guide.refresh_from_db()
    assert not guide.is_hidden
    report_content(reporter=factories.VolunteerFactory().user, content=guide, reason="hate")
    guide.refresh_from_db()
    assert guide.is_hidden
    assert guide.hidden_because == "reports"
    assert not Resource.objects.visible().filter(pk=guide.pk).exists()
    assert AuditEvent.objects.filter(action="moderation.auto_hidden").count() == 1


def test_the_same_person_reporting_twice_counts_once(guide):
    first, second = factories.VolunteerFactory().user, factories.VolunteerFactory().user
    for reporter in (first, second, first, second):
        report_content(reporter=reporter, content=guide, reason="spam")
    guide.refresh_from_db()
    assert not guide.is_hidden
    assert Report.objects.count() == 2


def test_hidden_content_disappears_for_the_volunteer_who_reported_it(guide):
    reporters = [factories.VolunteerFactory().user for _n in range(3)]
    for reporter in reporters:
        report_content(reporter=reporter, content=guide, reason="spam")
    client = signed_in(reporters[0])
    assert client.get(reverse("resources:detail", args=[guide.pk])).status_code == 404
    assert "Hakaret" not in client.get(reverse("resources:list")).content.decode()
    assert "Bildiriminiz alındı" in client.get(report_url(guide)).content.decode()


def test_the_author_is_told_she_cannot_report_her_own_content(volunteer, volunteer_client):
    own = factories.resource(by=volunteer.user)
    own.status = "published"
    own.save(update_fields=["status"])
    page = volunteer_client.get(report_url(own)).content.decode()
    assert "Kendi paylaşımınızı bildiremezsiniz." in page
    assert 'name="reason"' not in page
    volunteer_client.post(report_url(own), {"reason": "spam"})
    assert not Report.objects.exists()
