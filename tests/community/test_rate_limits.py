"""Posting ideas, comments and supports is rate limited per client address (settings)."""

import pytest
from django.urls import reverse

from esit.community.models import Comment

pytestmark = pytest.mark.django_db


def test_comments_past_the_limit_are_refused_with_429(client, other_volunteer, idea, settings):
    settings.COMMUNITY_COMMENT_RATE_LIMIT = "2/d"
    client.force_login(other_volunteer.user)
    url = reverse("community:comment", args=[idea.pk])

    answers = [client.post(url, {"body": f"Yorum {n}"}).status_code for n in range(3)]

    assert answers == [302, 302, 429]
    assert Comment.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "setting"),
    [("new", "COMMUNITY_POST_RATE_LIMIT"), ("support", "COMMUNITY_SUPPORT_RATE_LIMIT")],
)
def test_ideas_and_supports_are_limited_too(client, other_volunteer, idea, settings, name, setting):
    setattr(settings, setting, "1/d")
    client.force_login(other_volunteer.user)
    url = reverse(f"community:{name}", **({"args": [idea.pk]} if name == "support" else {}))

    client.post(url, {})

    assert client.post(url, {}).status_code == 429
