"""Files are served as downloads, with the detected type, never sniffed, to their audience."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.resources import files as samples

pytestmark = pytest.mark.django_db


def test_a_download_is_an_attachment_with_the_original_name_and_no_sniffing(client, coordinator):
    resource = factories.resource(
        by=coordinator, file=samples.upload("Kadın hakları.pdf", samples.pdf())
    )
    response = client.get(reverse("resources:download", args=[resource.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=utf-8''{quote('Kadın_hakları.pdf')}" in disposition
    assert b"".join(response.streaming_content) == samples.pdf()


def test_the_stored_name_is_random_and_not_the_uploaders(coordinator):
    resource = factories.resource(
        by=coordinator, file=samples.upload("../../etc/passwd.png", samples.png())
    )
    assert resource.file.name.startswith("resources/")
    assert "passwd" not in resource.file.name
    assert resource.file.name.endswith(".png")
    assert resource.file_name == "passwd.png"


def test_the_type_served_is_the_detected_one_whatever_the_name(client, coordinator):
    resource = factories.resource(by=coordinator, file=samples.upload("tablo.pdf", samples.png()))
    response = client.get(reverse("resources:download", args=[resource.pk]))
    assert response["Content-Type"] == "image/png"


def test_volunteers_only_files_need_a_volunteer_or_staff(coordinator, volunteer):
    resource = factories.resource(
        by=coordinator, audience="volunteers", file=samples.upload("iç.pdf", samples.pdf())
    )
    url = reverse("resources:download", args=[resource.pk])
    assert Client().get(url).status_code == 404
    as_volunteer = Client()
    as_volunteer.force_login(volunteer.user)
    assert as_volunteer.get(url).status_code == 200
    as_staff = Client()
    as_staff.force_login(coordinator)
    assert as_staff.get(url).status_code == 200


def test_a_link_has_no_download(client, coordinator):
    resource = factories.resource(by=coordinator)
    assert client.get(reverse("resources:download", args=[resource.pk])).status_code == 404


def test_a_polyglot_is_saved_under_the_detected_type_s_extension(client, coordinator):
    """A "%PDF-" file named rehber.html is served as rehber.pdf: never saved as a web page."""
    resource = factories.resource(by=coordinator, file=samples.upload("rehber.html", samples.pdf()))
    assert resource.file_name == "rehber.pdf"
    response = client.get(reverse("resources:download", args=[resource.pk]))
    assert 'filename="rehber.pdf"' in response["Content-Disposition"]
