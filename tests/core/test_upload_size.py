"""A form post larger than any upload the site takes is refused before its body is read
(esit/core/middleware.py, UploadSizeMiddleware), with a page that says the largest size."""

import pytest
from django.conf import settings
from django.urls import reverse

from esit.activities.services.work import MAX_DELIVERY_BYTES
from esit.announcements import images
from esit.resources import files
from esit.resources.models import Resource
from tests.resources import files as samples
from tests.resources.test_adding import form

pytestmark = pytest.mark.django_db


def test_every_forms_largest_file_fits_in_what_the_site_reads():
    for largest in (MAX_DELIVERY_BYTES, files.max_bytes(), images.max_bytes()):
        assert largest <= settings.UPLOAD_MAX_FILE_BYTES
    assert settings.UPLOAD_REQUEST_MAX_BYTES > settings.UPLOAD_MAX_FILE_BYTES


def test_a_post_larger_than_any_upload_is_refused_and_nothing_is_saved(
    coordinator_client, settings
):
    settings.UPLOAD_REQUEST_MAX_BYTES = 4 * 1024
    data = form(file=samples.upload("sözlük.pdf", samples.pdf() + b"0" * 8 * 1024))
    response = coordinator_client.post(reverse("resources:add"), data)
    assert response.status_code == 413
    page = response.content.decode()
    assert "Dosya çok büyük" in page
    assert f"en fazla {settings.UPLOAD_MAX_FILE_BYTES // (1024 * 1024)} MB" in page
    assert not Resource.objects.exists()


def test_the_refusal_is_in_english_for_an_english_reader(coordinator_client, settings):
    settings.UPLOAD_REQUEST_MAX_BYTES = 4 * 1024
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    data = form(file=samples.upload("glossary.pdf", samples.pdf() + b"0" * 8 * 1024))
    page = coordinator_client.post(reverse("resources:add"), data).content.decode()
    assert "The file is too large" in page


def test_a_post_within_the_limit_reaches_its_form(coordinator_client, settings):
    data = form(file=samples.upload("sözlük.pdf", samples.pdf()))
    response = coordinator_client.post(reverse("resources:add"), data)
    assert response.status_code == 302
    assert Resource.objects.count() == 1
