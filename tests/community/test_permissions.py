"""Who sees and does what on the network: visitors see only /ideas/done/, volunteers cannot
decide on ideas, a suspended volunteer cannot post, contact details are never shown."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from esit.community import services
from esit.community.models import Idea
from esit.core.errors import RuleError
from esit.moderation.models import PostingSuspension
from tests import factories
from tests.community.conftest import make_idea

pytestmark = pytest.mark.django_db


def test_a_visitor_is_sent_to_sign_in_from_the_ideas(client, idea):
    for url in [reverse("community:list"), idea.get_absolute_url(), reverse("community:new")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_a_visitor_sees_the_record_of_done_ideas(client):
    assert client.get(reverse("community:done")).status_code == 200


def test_an_account_without_a_profile_that_is_not_staff_sees_the_no_profile_page(client):
    client.force_login(factories.UserFactory())

    response = client.get(reverse("community:list"))

    assert "volunteers/no_profile.html" in [t.name for t in response.templates]


def test_staff_read_the_ideas_without_a_profile(coordinator_client, idea):
    assert coordinator_client.get(idea.get_absolute_url()).status_code == 200


def test_a_volunteer_cannot_change_an_ideas_status(volunteer_client, other_volunteer):
    idea = make_idea(other_volunteer.user)

    response = volunteer_client.post(
        reverse("community:status", args=[idea.pk]), {"status": "accepted"}
    )

    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.status == Idea.Status.NEW


def test_the_service_refuses_a_volunteer_too(volunteer, idea):
    with pytest.raises(PermissionDenied):
        services.change_status(idea=idea, by=volunteer.user, to="accepted")


def test_a_coordinator_outside_the_ideas_scope_cannot_decide_on_it(idea):
    from esit.accounts.models import StaffScope

    scoped = factories.StaffFactory(role="coordinator")
    StaffScope.objects.create(user=scoped).districts.set([factories.district("bornova")])

    with pytest.raises(PermissionDenied):
        services.change_status(idea=idea, by=scoped, to="under_review")


def test_a_suspended_volunteer_cannot_post_an_idea_or_a_comment(volunteer_client, volunteer, idea):
    PostingSuspension.objects.create(
        person=volunteer.user,
        until=timezone.now() + datetime.timedelta(days=3),
        reason="Hakaret içeren yorumlar",
    )
    fields = {"title": "Yeni fikir", "body": "Açıklama", "area": factories.area().pk}

    response = volunteer_client.post(reverse("community:new"), fields)

    assert response.status_code == 200
    assert "askıya alındı" in response.content.decode()
    assert not Idea.objects.filter(title="Yeni fikir").exists()
    with pytest.raises(RuleError):
        services.post_comment(idea=idea, author=volunteer.user, body="Merhaba")


def test_other_volunteers_see_a_display_name_never_an_address_or_phone(
    client, volunteer, other_volunteer, idea
):
    services.post_comment(idea=idea, author=volunteer.user, body="Ayrıntıları yazdım.")
    client.force_login(other_volunteer.user)

    page = client.get(idea.get_absolute_url()).content.decode()

    assert "Ayşe Y." in page
    assert volunteer.user.email not in page
    assert volunteer.phone not in page
    assert volunteer.last_name not in page


def test_a_nickname_replaces_the_name(client, volunteer, other_volunteer, idea):
    client.force_login(volunteer.user)
    client.post(reverse("community:me"), {"nickname": "Deniz Feneri"})
    client.force_login(other_volunteer.user)

    page = client.get(idea.get_absolute_url()).content.decode()

    assert "Deniz Feneri" in page
    assert "Ayşe Y." not in page


def test_a_nickname_may_not_be_an_address(volunteer_client):
    response = volunteer_client.post(reverse("community:me"), {"nickname": "ayse@example.org"})

    assert response.status_code == 200
    assert "e-posta adresi olmasın" in response.content.decode()
    assert 'value="ayse@example.org"' in response.content.decode()


def test_only_the_author_edits_an_idea_and_only_while_it_is_new(
    client, volunteer, other_volunteer, idea, coordinator
):
    client.force_login(other_volunteer.user)
    assert client.get(reverse("community:edit", args=[idea.pk])).status_code == 403

    services.change_status(idea=idea, by=coordinator, to="under_review")
    client.force_login(volunteer.user)

    assert client.get(reverse("community:edit", args=[idea.pk])).status_code == 403
    with pytest.raises(RuleError):
        services.edit_idea(
            idea=idea, by=volunteer.user, title="Başka", body="Başka", area=idea.area
        )
