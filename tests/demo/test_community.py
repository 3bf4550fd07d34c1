"""seed_demo fills the network: ideas in every status, supports, discussions with replies, and
one idea that became an activity which happened, shown on /ideas/done/."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from esit.community.models import Comment, Idea, Support


@pytest.fixture
def seeded(db, mailoutbox):
    call_command("seed_demo", stdout=StringIO())


def test_demo_has_ideas_in_every_status(seeded):
    assert set(Idea.objects.values_list("status", flat=True)) == set(Idea.Status.values)


def test_demo_has_supports_and_discussions_with_replies(seeded):
    assert Support.objects.exists()
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert Idea.objects.exclude(status_reason="").filter(status="declined").exists()


def test_demo_shows_its_ideas_done_on_the_done_page(seeded, client):
    # The workshop's idea and the three behind the network's year's meetings.
    done = list(Idea.objects.filter(status="done").values_list("title", flat=True))
    assert len(done) == 4

    page = client.get(reverse("community:done")).content.decode()

    for title in done:
        assert title in page


def test_demo_ideas_are_seeded_once(seeded):
    before = (Idea.objects.count(), Support.objects.count(), Comment.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (Idea.objects.count(), Support.objects.count(), Comment.objects.count()) == before
