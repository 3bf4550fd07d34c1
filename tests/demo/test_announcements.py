"""seed_demo adds announcements in every status and for every audience, with deliveries."""

from io import StringIO

import pytest
from django.core.management import call_command

from esit.announcements.models import Announcement
from esit.notifications.models import Delivery


@pytest.fixture
def seeded(db, mailoutbox):
    call_command("seed_demo", stdout=StringIO())


def test_demo_has_announcements_in_every_status(seeded):
    assert set(Announcement.objects.values_list("status", flat=True)) == set(
        Announcement.Status.values
    )


def test_demo_has_announcements_for_every_audience(seeded):
    assert set(Announcement.objects.values_list("audience", flat=True)) == set(
        Announcement.Audience.values
    )


def test_demo_announcements_for_volunteers_have_delivery_records(seeded):
    delivered = Delivery.objects.filter(kind="announcements.announcement")
    assert delivered.exists()
    assert not Announcement.objects.filter(
        status="published", deliveries_queued_at__isnull=True
    ).exclude(audience="public")


def test_demo_announcements_are_seeded_once(seeded, mailoutbox):
    before = Announcement.objects.count()
    deliveries = Delivery.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Announcement.objects.count() == before
    assert Delivery.objects.count() == deliveries
