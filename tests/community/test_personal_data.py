"""Her ideas, comments, supports and nickname are in her export; erasure takes her name off
them, her comments' words and her supports."""

import pytest

from esit.community import services
from esit.community.models import Comment, Idea, Member, Support
from esit.kvkk.services import erase, export_document, subject_of_user
from tests import factories

pytestmark = pytest.mark.django_db


def test_her_export_holds_her_ideas_comments_supports_and_nickname(volunteer, other_volunteer):
    services.set_nickname(person=volunteer.user, nickname="Deniz")
    other_idea = services.post_idea(
        author=other_volunteer.user, title="Başkasının fikri", body="Metin", area=_area()
    )
    services.post_idea(author=volunteer.user, title="Benim fikrim", body="Metin", area=_area())
    services.post_comment(idea=other_idea, author=volunteer.user, body="Benim yorumum")
    services.support(idea=other_idea, person=volunteer.user)

    document = str(export_document(subject_of_user(volunteer.user)))

    assert "Benim fikrim" in document
    assert "Benim yorumum" in document
    assert "Başkasının fikri" in document  # the idea she supports
    assert "Deniz" in document


def test_erasure_keeps_the_discussion_without_her(volunteer, other_volunteer, client):
    services.set_nickname(person=volunteer.user, nickname="Deniz")
    other_idea = services.post_idea(
        author=other_volunteer.user, title="Başkasının fikri", body="Metin", area=_area()
    )
    mine = services.post_idea(
        author=volunteer.user, title="Benim fikrim", body="Metin", area=_area()
    )
    comment = services.post_comment(idea=other_idea, author=volunteer.user, body="Benim yorumum")
    services.support(idea=other_idea, person=volunteer.user)

    erase(subject_of_user(volunteer.user), actor=None)

    mine.refresh_from_db()
    comment.refresh_from_db()
    other_idea.refresh_from_db()
    assert mine.author is None
    assert mine.title == "Benim fikrim"
    assert comment.author is None
    assert "Benim yorumum" not in comment.body
    assert comment.is_deleted
    assert not Support.objects.exists()
    assert other_idea.support_count == 0
    assert not Member.objects.exists()
    client.force_login(other_volunteer.user)
    page = client.get(mine.get_absolute_url()).content.decode()
    assert "eski gönüllü" in page
    assert Idea.objects.count() == 2
    assert Comment.objects.count() == 1


def _area():
    return factories.area()
