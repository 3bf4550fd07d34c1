"""seed_demo fills the library: public and volunteers-only resources with real files, a
proposal waiting for review and a resource hidden by reports; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from esit.moderation.models import Report
from esit.resources import files
from esit.resources.models import Resource


@pytest.fixture
def seeded(db, mailoutbox):
    call_command("seed_demo", stdout=StringIO())


def test_demo_has_public_and_volunteers_only_resources(seeded):
    published = Resource.objects.published().visible()
    assert set(published.values_list("audience", flat=True)) == set(Resource.Audience.values)


def test_demo_files_are_real_pdf_and_png(seeded):
    kinds = set(Resource.objects.filter(kind="file").values_list("file_type", flat=True))
    assert kinds == {files.PDF.content_type, files.PNG.content_type}
    for resource in Resource.objects.filter(kind="file"):
        with resource.file.open("rb") as handle:
            head = handle.read(8)
        assert head.startswith((b"%PDF-", b"\x89PNG"))


def test_demo_has_a_proposal_and_a_resource_hidden_by_reports(seeded):
    assert Resource.objects.filter(status="pending").exists()
    hidden = Resource.objects.get(hidden_because="reports")
    assert Report.objects.filter(object_id=hidden.pk, resolved_at__isnull=True).count() == 3


def test_a_second_run_adds_no_resource(seeded):
    before = Resource.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Resource.objects.count() == before
