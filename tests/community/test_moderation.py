"""Ideas and comments are moderated content: hidden content disappears for volunteers at once,
moderators see it marked, and three different reporters hide it automatically."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from esit.community import services
from esit.community.models import Comment, Idea
from esit.moderation import registry
from esit.moderation.services import report_content
from tests import factories

pytestmark = pytest.mark.django_db


def test_ideas_and_comments_are_registered_kinds():
    assert registry.get("idea").model is Idea
    assert registry.get("comment").model is Comment


def test_a_hidden_idea_disappears_for_volunteers(client, other_volunteer, idea):
    Idea.objects.filter(pk=idea.pk).update(hidden_at=timezone.now(), hidden_because="moderator")
    client.force_login(other_volunteer.user)

    assert idea.title not in client.get(reverse("community:list")).content.decode()
    assert client.get(idea.get_absolute_url()).status_code == 404


def test_a_moderator_sees_hidden_content_marked(client, volunteer, other_volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Kaba söz")
    Idea.objects.filter(pk=idea.pk).update(hidden_at=timezone.now())
    Comment.objects.filter(pk=comment.pk).update(hidden_at=timezone.now())
    moderator = factories.StaffFactory(role="coordinator")
    moderator.user_permissions.add(Permission.objects.get(codename="moderate_content"))
    client.force_login(moderator)

    page = client.get(idea.get_absolute_url()).content.decode()

    assert page.count("gizli") >= 2
    assert "Kaba söz" in page


def test_a_hidden_comment_disappears_for_volunteers(client, volunteer, other_volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Kaba söz")
    services.post_comment(idea=idea, author=volunteer.user, body="Nazik söz")
    Comment.objects.filter(pk=comment.pk).update(hidden_at=timezone.now())
    client.force_login(other_volunteer.user)

    page = client.get(idea.get_absolute_url()).content.decode()

    assert "Kaba söz" not in page
    assert "Nazik söz" in page


def test_three_different_reporters_hide_an_idea_and_the_same_one_twice_counts_once(idea):
    first, second, third = (factories.VolunteerFactory().user for _ in range(3))

    report_content(reporter=first, content=idea, reason="spam")
    report_content(reporter=first, content=idea, reason="spam")
    report_content(reporter=second, content=idea, reason="hate")
    idea.refresh_from_db()
    assert not idea.is_hidden

    report_content(reporter=third, content=idea, reason="harassment")
    idea.refresh_from_db()
    assert idea.is_hidden
    assert idea.hidden_because == "reports"
    assert not Idea.objects.visible().filter(pk=idea.pk).exists()


def test_three_reporters_hide_a_comment(volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Spam")
    for reporter in (factories.VolunteerFactory().user for _ in range(3)):
        report_content(reporter=reporter, content=comment, reason="spam")

    comment.refresh_from_db()
    assert comment.is_hidden


def test_the_report_link_appears_once_moderation_offers_its_page(client, other_volunteer, idea):
    client.force_login(other_volunteer.user)
    page = client.get(idea.get_absolute_url()).content.decode()
    try:
        report_url = reverse("moderation:report", kwargs={"kind": "idea", "pk": idea.pk})
    except NoReverseMatch:
        assert "report-link" not in page
    else:
        assert report_url in page
