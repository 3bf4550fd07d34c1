"""Comments with one level of replies, an edit window, and deleted comments that keep their place
when they have replies."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from esit.community import services
from esit.community.models import COMMENT_MAX, Comment, Idea
from esit.core.errors import RuleError

pytestmark = pytest.mark.django_db


def test_a_volunteer_comments_and_another_replies(client, volunteer, other_volunteer, idea):
    client.force_login(other_volunteer.user)
    client.post(reverse("community:comment", args=[idea.pk]), {"body": "Harika bir fikir!"})
    comment = Comment.objects.get()
    client.force_login(volunteer.user)

    response = client.post(
        reverse("community:comment", args=[idea.pk]), {"body": "Teşekkürler!", "parent": comment.pk}
    )

    reply = Comment.objects.get(parent=comment)
    assert response["Location"] == f"{idea.get_absolute_url()}#comment-{reply.pk}"
    idea.refresh_from_db()
    assert idea.comment_count == 2
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Harika bir fikir!" in page
    assert "Teşekkürler!" in page


def test_a_reply_to_a_reply_joins_its_thread(volunteer, other_volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Birinci")
    reply = services.post_comment(
        idea=idea, author=other_volunteer.user, body="İkinci", parent=comment
    )

    deeper = services.post_comment(idea=idea, author=volunteer.user, body="Üçüncü", parent=reply)

    assert deeper.parent == comment


def test_an_empty_or_too_long_comment_is_refused_next_to_the_field(volunteer_client, idea):
    response = volunteer_client.post(
        reverse("community:comment", args=[idea.pk]), {"body": "x" * (COMMENT_MAX + 1)}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="comment_body_error"' in page
    assert not Comment.objects.exists()


def test_the_author_edits_within_the_window_and_the_edit_is_marked(
    client, volunteer, other_volunteer, idea
):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="İlk hali")
    client.force_login(volunteer.user)

    client.post(reverse("community:comment_edit", args=[comment.pk]), {"body": "Son hali"})

    comment.refresh_from_db()
    assert comment.body == "Son hali"
    assert comment.edited_at is not None
    client.force_login(other_volunteer.user)
    assert "düzenlendi" in client.get(idea.get_absolute_url()).content.decode()


def test_after_the_window_the_comment_no_longer_changes(
    volunteer_client, volunteer, idea, settings
):
    settings.COMMUNITY_EDIT_WINDOW = 15
    comment = services.post_comment(idea=idea, author=volunteer.user, body="İlk hali")
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    comment.refresh_from_db()

    with pytest.raises(RuleError):
        services.edit_comment(comment=comment, by=volunteer.user, body="Geç")
    response = volunteer_client.post(
        reverse("community:comment_edit", args=[comment.pk]), {"body": "Geç"}
    )

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "İlk hali"


def test_nobody_else_edits_or_deletes_a_comment(client, volunteer, other_volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Benim")
    client.force_login(other_volunteer.user)

    assert client.get(reverse("community:comment_edit", args=[comment.pk])).status_code == 404
    assert client.post(reverse("community:comment_delete", args=[comment.pk])).status_code == 404
    assert Comment.objects.filter(pk=comment.pk, body="Benim").exists()


def test_a_deleted_comment_with_replies_stays_as_deleted(client, volunteer, other_volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Gizli kalsın")
    services.post_comment(idea=idea, author=other_volunteer.user, body="Yanıtım", parent=comment)
    client.force_login(volunteer.user)

    client.post(reverse("community:comment_delete", args=[comment.pk]))

    comment.refresh_from_db()
    assert comment.is_deleted
    assert comment.body == ""
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Bu yorum silindi." in page
    assert "Gizli kalsın" not in page
    assert "Yanıtım" in page
    assert Idea.objects.get(pk=idea.pk).comment_count == 1


def test_a_deleted_comment_without_replies_disappears(volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Yanlış yazdım")

    services.delete_comment(comment=comment, by=volunteer.user)

    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert Idea.objects.get(pk=idea.pk).comment_count == 0


def test_when_the_last_reply_goes_the_deleted_comment_goes_too(volunteer, other_volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="İlk")
    reply = services.post_comment(
        idea=idea, author=other_volunteer.user, body="Yanıt", parent=comment
    )
    services.delete_comment(comment=comment, by=volunteer.user)

    services.delete_comment(comment=reply, by=other_volunteer.user)

    assert not Comment.objects.exists()
    assert Idea.objects.get(pk=idea.pk).comment_count == 0
