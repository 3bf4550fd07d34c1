"""Adding to the library: staff publish at once, volunteers propose for review, bad input is
refused next to its field with what was typed kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from esit.audit.models import AuditEvent
from esit.moderation.models import PostingSuspension
from esit.resources.models import Resource
from tests.resources import files as samples

pytestmark = pytest.mark.django_db


def form(**changes):
    data = {
        "title": "Toplumsal cinsiyet sözlüğü",
        "description": "Kısa bir *sözlük*.",
        "kind": "file",
        "url": "",
        "tags": "sözlük, eğitim",
        "audience": "public",
    }
    data.update(changes)
    return data


def test_staff_publish_at_once(coordinator_client):
    data = form(file=samples.upload("sözlük.pdf", samples.pdf()))
    response = coordinator_client.post(reverse("resources:add"), data)
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.status == "published"
    assert resource.file_type == "application/pdf"
    assert sorted(tag.slug for tag in resource.tags.all()) == ["egitim", "sozluk"]
    assert AuditEvent.objects.filter(action="resources.added", object_id=str(resource.pk)).exists()


def test_a_volunteers_proposal_waits_for_review(volunteer_client):
    data = form(kind="link", url="https://example.org/sozluk")
    response = volunteer_client.post(reverse("resources:add"), data)
    assert response.status_code == 302
    assert Resource.objects.get().status == "pending"


def test_volunteers_cannot_propose_when_staff_turned_it_off(volunteer_client, settings):
    settings.RESOURCES_VOLUNTEER_UPLOADS = False
    response = volunteer_client.post(
        reverse("resources:add"), form(kind="link", url="https://example.org")
    )
    assert response.status_code == 403
    assert not Resource.objects.exists()


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("resources:add"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_suspended_volunteer_cannot_upload(volunteer, volunteer_client, coordinator):
    PostingSuspension.objects.create(
        person=volunteer.user,
        until=timezone.now() + datetime.timedelta(days=7),
        reason="Hakaret",
        suspended_by=coordinator,
    )
    assert "askıya alınmış" in volunteer_client.get(reverse("resources:add")).content.decode()
    response = volunteer_client.post(
        reverse("resources:add"), form(kind="link", url="https://example.org/x")
    )
    assert response.status_code == 200
    assert "askıya alındı" in response.content.decode()
    assert not Resource.objects.exists()


def test_a_renamed_executable_is_refused_next_to_the_field(volunteer_client):
    data = form(file=samples.upload("rapor.pdf", samples.ELF, "application/pdf"))
    response = volunteer_client.post(reverse("resources:add"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_file_error"' in page
    assert "Bu dosya türü kabul edilmiyor" in page
    assert 'value="Toplumsal cinsiyet sözlüğü"' in page  # what she typed is kept
    assert not Resource.objects.exists()


def test_an_oversize_file_is_refused(coordinator_client, settings):
    settings.RESOURCES_MAX_UPLOAD_MB = 1
    data = form(file=samples.upload("büyük.pdf", samples.pdf() + b"0" * (1024 * 1024)))
    response = coordinator_client.post(reverse("resources:add"), data)
    assert "en fazla 1 MB" in response.content.decode()
    assert not Resource.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "örnek"])
def test_only_http_and_https_links_are_taken(coordinator_client, url):
    response = coordinator_client.post(reverse("resources:add"), form(kind="link", url=url))
    assert 'id="id_url_error"' in response.content.decode()
    assert not Resource.objects.exists()


def test_lengths_are_limited(coordinator_client):
    response = coordinator_client.post(
        reverse("resources:add"), form(kind="link", url="https://example.org", title="x" * 201)
    )
    assert 'id="id_title_error"' in response.content.decode()
    assert not Resource.objects.exists()


def test_volunteer_uploads_are_rate_limited(volunteer_client, settings):
    settings.RESOURCES_UPLOAD_RATE_LIMIT = "2/h"
    for number in range(2):
        volunteer_client.post(
            reverse("resources:add"), form(kind="link", url=f"https://example.org/{number}")
        )
    response = volunteer_client.post(
        reverse("resources:add"), form(kind="link", url="https://example.org/3")
    )
    assert response.status_code == 429
    assert Resource.objects.count() == 2


def test_files_of_every_allowed_type_are_accepted_through_the_form(coordinator_client):
    for name, content in [
        ("a.pdf", samples.pdf()),
        ("b.docx", samples.docx()),
        ("c.xlsx", samples.xlsx()),
        ("d.png", samples.png()),
        ("e.jpg", samples.jpeg()),
    ]:
        response = coordinator_client.post(
            reverse("resources:add"), form(title=name, file=samples.upload(name, content))
        )
        assert response.status_code == 302, name
    assert Resource.objects.count() == 5
