"""seed_demo makes the demo administrator the safety channel's handler, with one concern."""

from io import StringIO

import pytest
from django.core.management import call_command

from esit.demo.accounts import DEMO_VOLUNTEER_EMAIL
from esit.safety import services
from esit.safety.models import Concern


@pytest.fixture
def seeded(db, mailoutbox):
    call_command("seed_demo", stdout=StringIO())


def test_the_demo_administrator_handles_concerns_and_the_coordinator_does_not(seeded):
    assert [user.email for user in services.handlers()] == ["yonetici@esitizmir.example"]


def test_the_demo_volunteer_raised_one_answered_concern_once(seeded):
    call_command("seed_demo", stdout=StringIO())
    concern = Concern.objects.get()
    assert concern.raised_by.email == DEMO_VOLUNTEER_EMAIL
    assert concern.status == Concern.Status.IN_HANDLING
    assert concern.entries.filter(kind="reply").count() == 1
