"""Review findings I2 and the minor ones: reported content stays as it was reported, counts
shown count visible comments, suspended people neither rename nor support, nicknames may not
impersonate staff or another member."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from esit.community import services
from esit.community.models import Comment, Idea, Member
from esit.core.errors import RuleError
from esit.moderation.models import PostingSuspension, Report
from esit.moderation.services import dismiss_reports, report_content
from tests import factories

pytestmark = pytest.mark.django_db


def hide(content):
    type(content).objects.filter(pk=content.pk).update(
        hidden_at=timezone.now(), hidden_because="moderator"
    )
    content.refresh_from_db()


def suspend(person):
    PostingSuspension.objects.create(
        person=person, until=timezone.now() + datetime.timedelta(days=3), reason="Hakaret"
    )


# I2: the evidence ----------------------------------------------------------------------


@pytest.mark.parametrize("state", ["reported", "hidden"])
def test_a_reported_or_hidden_comment_cannot_be_edited_or_deleted(
    volunteer, other_volunteer, idea, state
):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Adresin şu")
    if state == "reported":
        report_content(reporter=other_volunteer.user, content=comment, reason="personal_data")
    else:
        hide(comment)

    with pytest.raises(RuleError, match="inceleme"):
        services.edit_comment(comment=comment, by=volunteer.user, body="Bir şey demedim")
    with pytest.raises(RuleError, match="inceleme"):
        services.delete_comment(comment=comment, by=volunteer.user)

    comment.refresh_from_db()
    assert comment.body == "Adresin şu"
    assert not comment.is_deleted


def test_the_delete_button_answers_with_a_message(
    volunteer_client, volunteer, other_volunteer, idea
):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Adresin şu")
    report_content(reporter=other_volunteer.user, content=comment, reason="personal_data")

    response = volunteer_client.post(
        reverse("community:comment_delete", args=[comment.pk]), follow=True
    )

    assert "inceleme" in response.content.decode()
    assert Comment.objects.filter(pk=comment.pk, deleted_at__isnull=True).exists()


def test_a_reported_idea_cannot_be_edited(volunteer, other_volunteer, idea):
    report_content(reporter=other_volunteer.user, content=idea, reason="spam")

    with pytest.raises(RuleError, match="inceleme"):
        services.edit_idea(
            idea=idea, by=volunteer.user, title="Başka", body="Başka metin", area=idea.area
        )


def test_a_once_reported_comment_is_deleted_softly_keeping_its_text(
    client, volunteer, other_volunteer, idea
):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Sınırda bir söz")
    report_content(reporter=other_volunteer.user, content=comment, reason="harassment")
    dismiss_reports(moderator=factories.StaffFactory(role="administrator"), content=comment)

    services.delete_comment(comment=comment, by=volunteer.user)

    comment.refresh_from_db()
    assert comment.is_deleted
    assert comment.body == "Sınırda bir söz"
    assert Report.objects.filter(object_id=comment.pk).exists()
    client.force_login(other_volunteer.user)
    assert "Sınırda bir söz" not in client.get(idea.get_absolute_url()).content.decode()


# Counts --------------------------------------------------------------------------------


def test_a_hidden_comment_is_not_counted(client, volunteer, other_volunteer, idea):
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Kaba söz")
    services.post_comment(idea=idea, author=volunteer.user, body="Yanıt", parent=comment)
    hide(comment)
    client.force_login(other_volunteer.user)

    assert "Tartışma (0 yorum)" in client.get(idea.get_absolute_url()).content.decode()
    assert "1 yorum" not in client.get(reverse("community:list")).content.decode()
    assert "2 yorum" not in client.get(reverse("community:list")).content.decode()


# Suspensions ---------------------------------------------------------------------------


def test_a_suspended_volunteer_neither_renames_nor_supports_but_may_report(
    volunteer, other_volunteer, idea
):
    suspend(other_volunteer.user)

    with pytest.raises(RuleError):
        services.set_nickname(person=other_volunteer.user, nickname="Yeni ad")
    with pytest.raises(RuleError):
        services.support(idea=idea, person=other_volunteer.user)
    report_content(reporter=other_volunteer.user, content=idea, reason="harassment")

    assert not Member.objects.filter(account=other_volunteer.user).exists()
    assert Idea.objects.get(pk=idea.pk).support_count == 0
    assert Report.objects.filter(reporter=other_volunteer.user).exists()


# Nicknames -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Moderatör Ayşe", "YÖNETİCİ", "Eşit İzmir Ekibi", "EŞİTİZMİR", "site.admin", "MODERATOR"],
)
def test_a_nickname_may_not_pass_for_staff_or_the_programme(volunteer, name):
    with pytest.raises(RuleError, match="çağrıştırıyor"):
        services.set_nickname(person=volunteer.user, nickname=name)


def test_two_members_may_not_share_a_nickname_whatever_the_case(volunteer, other_volunteer):
    services.set_nickname(person=volunteer.user, nickname="Işıl Deniz")

    with pytest.raises(RuleError, match="başka biri"):
        services.set_nickname(person=other_volunteer.user, nickname="IŞIL  DENİZ")
    services.set_nickname(person=volunteer.user, nickname="ışıl deniz")  # her own, again


def test_the_database_keeps_two_members_from_one_folded_name(volunteer, other_volunteer):
    # What the check before the write cannot: two people choosing one name at the same time.
    from django.db import IntegrityError, transaction

    services.set_nickname(person=volunteer.user, nickname="Işıl Deniz")
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.create(account=other_volunteer.user, nickname="x", nickname_key="isil deniz")


@pytest.mark.parametrize("had_one", [False, True])
def test_a_name_taken_between_the_check_and_the_write_is_refused_the_same_way(
    volunteer, other_volunteer, monkeypatch, had_one
):
    # A first nickname (a new row) and a renaming (an update) alike.
    services.set_nickname(person=volunteer.user, nickname="Işıl Deniz")
    if had_one:
        services.set_nickname(person=other_volunteer.user, nickname="Deniz Işık")
    # As if the first person's name were not there yet when the check read: the write meets
    # it, and the service, looking again, finds it.
    really_taken = services._nickname_taken
    looked = []

    def free_at_first_look(folded, person):
        looked.append(folded)
        return len(looked) > 1 and really_taken(folded, person)

    with monkeypatch.context() as patched:
        patched.setattr(services, "_nickname_taken", free_at_first_look)
        with pytest.raises(RuleError, match="başka biri"):
            services.set_nickname(person=other_volunteer.user, nickname="ışıl  DENİZ")
    assert looked == ["isil deniz", "isil deniz"]  # the check, then the look after the write
    other = Member.objects.filter(account=other_volunteer.user).first()
    assert (other.nickname if other else None) == ("Deniz Işık" if had_one else None)


def test_a_name_of_marks_alone_is_refused(volunteer):
    with pytest.raises(RuleError, match="harf ya da rakam"):
        services.set_nickname(person=volunteer.user, nickname=". - _")
    assert not Member.objects.filter(account=volunteer.user).exists()


@pytest.mark.parametrize(
    ("nickname", "stored"),
    [("IŞIL  DENİZ", "isil deniz"), ("Çağrı_Öz.", "cagri oz"), ("", "")],
)
def test_the_nickname_is_stored_with_its_folded_key(volunteer, nickname, stored):
    member = services.set_nickname(person=volunteer.user, nickname=nickname)
    member.refresh_from_db()
    assert member.nickname_key == stored


def test_renaming_is_rate_limited(volunteer_client, settings):
    settings.COMMUNITY_POST_RATE_LIMIT = "1/d"
    url = reverse("community:me")

    volunteer_client.post(url, {"nickname": "Deniz"})

    assert volunteer_client.post(url, {"nickname": "Deniz 2"}).status_code == 429
