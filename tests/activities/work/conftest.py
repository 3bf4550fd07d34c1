"""Helpers for the work part: tasks, deliveries, hours and certificates."""

import datetime
import decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from esit.activities.models import HoursEntry, TaskAssignment
from tests import factories

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Delivered files go to a throwaway folder, never the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf_upload(name="ceviri.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def make_assignment(*, task=None, volunteer=None, status=TaskAssignment.Status.CLAIMED, **extra):
    """An assignment as the services leave it, for setting the scene."""
    now = timezone.now()
    if status in (
        TaskAssignment.Status.DELIVERED,
        TaskAssignment.Status.ACCEPTED,
        TaskAssignment.Status.RETURNED,
    ):
        extra.setdefault("delivered_at", now)
        extra.setdefault("delivery_note", "Çeviri ekte.")
    return TaskAssignment.objects.create(
        task=task or factories.TaskFactory(),
        volunteer=volunteer or factories.VolunteerFactory(),
        status=status,
        claimed_at=now,
        **extra,
    )


def approved(volunteer, hours, *, area="translation", date=None, **extra):
    return factories.HoursEntryFactory(
        volunteer=volunteer,
        hours=decimal.Decimal(hours),
        area=factories.area(area) if isinstance(area, str) else area,
        date=date or days_ago(3),
        status=HoursEntry.Status.APPROVED,
        **extra,
    )


@pytest.fixture
def task(db):
    return factories.TaskFactory(places=2, estimated_hours=4)


@pytest.fixture
def delivered(volunteer, task):
    return make_assignment(task=task, volunteer=volunteer, status=TaskAssignment.Status.DELIVERED)
