"""Review findings C2, I1, I7: who reads the network and its hidden content.

Only volunteers in the programme (active, paused) and staff use the network; the report page
shows an idea or comment only to those its page shows it to; hidden content only to
moderators whose session passed the staff second factor."""

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from esit.community import selectors, services
from esit.community.models import Comment, Idea, Support
from esit.notifications.models import Delivery
from esit.resources.selectors import sees_volunteer_resources
from esit.volunteers.selectors import in_programme
from tests import factories

pytestmark = pytest.mark.django_db


def hide(content):
    type(content).objects.filter(pk=content.pk).update(
        hidden_at=timezone.now(), hidden_because="reports"
    )
    content.refresh_from_db()


def moderator(**kwargs):
    person = factories.StaffFactory(role="coordinator", **kwargs)
    person.user_permissions.add(Permission.objects.get(codename="moderate_content"))
    return person


def report_url(kind, pk):
    return reverse("moderation:report", kwargs={"kind": kind, "pk": pk})


# C2: the report page --------------------------------------------------------------------


def test_the_report_page_does_not_show_comments_under_a_hidden_idea(
    client, volunteer, other_volunteer, idea
):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Adresi şurada")
    hide(idea)
    client.force_login(other_volunteer.user)

    response = client.get(report_url("comment", comment.pk))

    assert response.status_code == 404
    assert "Adresi şurada" not in response.content.decode()


def test_the_report_page_does_not_show_a_reply_under_a_hidden_comment(
    client, volunteer, other_volunteer, idea
):
    parent = services.post_comment(idea=idea, author=volunteer.user, body="Kaba söz")
    reply = services.post_comment(
        idea=idea, author=volunteer.user, body="Yanıtta ad soyad", parent=parent
    )
    hide(parent)
    client.force_login(other_volunteer.user)

    response = client.get(report_url("comment", reply.pk))

    assert response.status_code == 404
    assert "Yanıtta ad soyad" not in response.content.decode()


@pytest.mark.parametrize("who", ["no_profile", "withdrawn"])
def test_the_report_page_is_for_people_of_the_network_only(client, volunteer, idea, who):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Bir yorum metni")
    account = (
        factories.UserFactory()
        if who == "no_profile"
        else factories.VolunteerFactory(status="withdrawn").user
    )
    client.force_login(account)

    for kind, pk, text in [("idea", idea.pk, idea.title), ("comment", comment.pk, comment.body)]:
        response = client.get(report_url(kind, pk))
        assert response.status_code == 404
        assert text not in response.content.decode()


def test_a_volunteer_still_reports_a_visible_comment(client, volunteer, other_volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Görünen yorum")
    client.force_login(other_volunteer.user)

    response = client.get(report_url("comment", comment.pk))

    assert response.status_code == 200
    assert "Görünen yorum" in response.content.decode()


# I1: a volunteer who left -------------------------------------------------------------


def test_a_withdrawn_volunteer_gets_the_no_profile_page_and_cannot_post(client, idea):
    gone = factories.VolunteerFactory(status="withdrawn")
    client.force_login(gone.user)

    for url in [reverse("community:list"), idea.get_absolute_url()]:
        response = client.get(url)
        assert "volunteers/no_profile.html" in [t.name for t in response.templates]
    client.post(reverse("community:comment", args=[idea.pk]), {"body": "Hâlâ buradayım"})
    client.post(reverse("community:support", args=[idea.pk]), {"action": "support"})

    assert not Comment.objects.filter(body="Hâlâ buradayım").exists()
    assert not Support.objects.exists()


@pytest.mark.parametrize(
    ("status", "expected"), [("active", True), ("paused", True), ("withdrawn", False)]
)
def test_the_network_and_the_library_share_one_rule(status, expected):
    user = factories.VolunteerFactory(status=status).user

    assert in_programme(user=user) is expected
    assert sees_volunteer_resources(user) is expected


def test_the_rule_reads_her_profile_once_and_leaves_it_for_the_page_layout(
    django_assert_num_queries,
):
    user = get_user_model().objects.get(pk=factories.VolunteerFactory().user.pk)
    nobody = factories.UserFactory()
    # Their roles are read apart (and kept for the request).
    assert not user.is_staff_member
    assert not nobody.is_staff_member
    with django_assert_num_queries(2):
        assert in_programme(user=user)
        assert not in_programme(user=nobody)
    with django_assert_num_queries(0):
        assert user.volunteer.status == "active"  # what base.html asks
        assert in_programme(user=user)
        assert not in_programme(user=nobody)


# I7: hidden content behind the second factor --------------------------------------------


def test_a_moderator_without_the_second_factor_does_not_see_hidden_content(client, volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Gizli yorum")
    hidden_idea = services.post_idea(
        author=volunteer.user, title="Gizlenen fikir", body="Metin", area=factories.area()
    )
    hide(comment)
    hide(hidden_idea)
    person = moderator()
    client.force_login(person)
    session = client.session  # signed in with the password only: no second factor yet
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": timezone.now().timestamp(), "email": person.email}
    ]
    session.save()

    assert "Gizlenen fikir" not in client.get(reverse("community:list")).content.decode()
    assert client.get(hidden_idea.get_absolute_url()).status_code == 404
    assert "Gizli yorum" not in client.get(idea.get_absolute_url()).content.decode()


def test_a_moderator_without_an_authenticator_does_not_see_hidden_content(client, idea):
    hide(idea)
    client.force_login(moderator(two_factor=False))

    assert client.get(idea.get_absolute_url()).status_code == 404


def test_a_moderator_who_passed_the_second_factor_sees_it(client, idea):
    hide(idea)
    client.force_login(moderator())

    assert client.get(idea.get_absolute_url()).status_code == 200


def test_staff_ideas_show_hidden_ones_to_moderators_only(client, idea):
    hide(idea)
    # Coordinators moderate by default; an administrator may take the capability away.
    Group.objects.get(name="coordinator").permissions.remove(
        Permission.objects.get(codename="moderate_content")
    )
    coordinator = factories.StaffFactory(role="coordinator")

    assert not selectors.staff_ideas(user=coordinator).filter(pk=idea.pk).exists()
    assert selectors.staff_ideas(user=moderator()).filter(pk=idea.pk).exists()
    client.force_login(coordinator)
    assert idea.title not in client.get(reverse("community:staff_list")).content.decode()


def test_no_status_email_about_a_hidden_idea(volunteer, other_volunteer, idea, run_on_commit):
    services.support(idea=idea, person=other_volunteer.user)
    hide(idea)
    person = moderator()
    person.user_permissions.add(Permission.objects.get(codename="manage_ideas"))
    mail.outbox.clear()

    with run_on_commit():
        services.change_status(idea=Idea.objects.get(pk=idea.pk), by=person, to="under_review")

    assert mail.outbox == []
    assert not Delivery.objects.filter(kind=services.STATUS_KIND).exists()  # not even queued
    with run_on_commit():  # once visible again, the next change is told as before
        Idea.objects.filter(pk=idea.pk).update(hidden_at=None)
        services.change_status(idea=Idea.objects.get(pk=idea.pk), by=person, to="accepted")
    assert mail.outbox
