"""Staff review volunteers' proposals: publish, reject with a reason, archive, edit; audited,
the uploader told."""

import pytest
from django.test import Client
from django.urls import reverse

from esit.audit.models import AuditEvent
from esit.notifications.models import Delivery
from esit.resources.models import Resource
from esit.resources.services import add_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(volunteer):
    return add_resource(
        by=volunteer.user,
        title="Mahalle kadın grupları listesi",
        kind="link",
        url="https://example.org/liste",
    )


def test_the_queue_shows_proposals_to_staff_who_manage_the_library(coordinator_client, proposal):
    response = coordinator_client.get(reverse("resources:review"))
    assert response.status_code == 200
    assert [row.pk for row in response.context["page_obj"]] == [proposal.pk]


def test_volunteers_cannot_open_the_queue(volunteer_client, proposal):
    assert volunteer_client.get(reverse("resources:review")).status_code == 403
    response = volunteer_client.post(reverse("resources:decide", args=[proposal.pk, "publish"]))
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_publishing_is_audited_and_the_uploader_told(
    coordinator_client, coordinator, proposal, mailoutbox, run_on_commit
):
    with run_on_commit():
        response = coordinator_client.post(
            reverse("resources:decide", args=[proposal.pk, "publish"])
        )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "published"
    assert proposal.reviewed_by == coordinator
    assert AuditEvent.objects.filter(action="resources.published", actor=coordinator).exists()
    assert [message.subject for message in mailoutbox] == [
        "Eşit İzmir · Önerdiğiniz kaynak yayımlandı"
    ]
    assert mailoutbox[0].to == [proposal.uploaded_by.email]
    assert Client().get(reverse("resources:detail", args=[proposal.pk])).status_code == 200


def test_rejecting_needs_a_reason_that_the_uploader_reads(
    coordinator_client, proposal, mailoutbox, run_on_commit
):
    url = reverse("resources:decide", args=[proposal.pk, "reject"])
    refused = coordinator_client.post(url, {"reject-reason": ""})
    assert refused.status_code == 400
    assert 'id="id_reject-reason_error"' in refused.content.decode()
    with run_on_commit():
        coordinator_client.post(url, {"reject-reason": "Bağlantı çalışmıyor."})
    proposal.refresh_from_db()
    assert proposal.status == "rejected"
    assert AuditEvent.objects.filter(action="resources.rejected").exists()
    assert "Bağlantı çalışmıyor." in mailoutbox[0].body


def test_archiving_takes_a_resource_out_of_the_library(coordinator_client, proposal):
    coordinator_client.post(reverse("resources:decide", args=[proposal.pk, "publish"]))
    coordinator_client.post(reverse("resources:decide", args=[proposal.pk, "archive"]))
    proposal.refresh_from_db()
    assert proposal.status == "archived"
    assert AuditEvent.objects.filter(action="resources.archived").exists()
    assert Client().get(reverse("resources:detail", args=[proposal.pk])).status_code == 404


def test_staff_edit_a_proposal(coordinator_client, proposal):
    response = coordinator_client.post(
        reverse("resources:edit", args=[proposal.pk]),
        {
            "title": "Kadın grupları (güncel)",
            "description": "",
            "kind": "link",
            "url": "https://example.org/guncel",
            "tags": "dayanışma",
            "audience": "volunteers",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.url, proposal.audience) == (
        "Kadın grupları (güncel)",
        "https://example.org/guncel",
        "volunteers",
    )
    assert "dayanışma" in proposal.search_text
    assert AuditEvent.objects.filter(action="resources.edited").exists()


def test_staff_publishing_their_own_resource_send_no_e_mail(coordinator, run_on_commit):
    with run_on_commit():
        add_resource(by=coordinator, title="Rehber", kind="link", url="https://example.org")
    assert not Delivery.objects.exists()
    assert Resource.objects.get().status == "published"
