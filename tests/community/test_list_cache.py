"""/ideas/ is rendered once per language, query and version of the ideas, and anything a
card shows changes it at once: an idea, a support, a comment, a hiding, the name the network
knows an author by. Which ideas a reader supports is hers, read at every request."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from esit.community import services
from esit.community.models import Idea
from esit.core import personal_data_registry as registry
from esit.kvkk import services as kvkk
from esit.moderation import services as moderation
from tests.community.conftest import make_idea

pytestmark = pytest.mark.django_db

LIST = reverse("community:list")


def page(client, **query) -> str:
    return client.get(LIST, query).content.decode()


def test_a_second_reading_does_not_read_the_ideas_again(volunteer_client, volunteer):
    make_idea(volunteer.user, title="Mahalle kahvaltısı")
    page(volunteer_client)
    with CaptureQueriesContext(connection) as queries:
        again = page(volunteer_client)
    assert "Mahalle kahvaltısı" in again
    assert not [q for q in queries.captured_queries if 'FROM "community_idea"' in q["sql"]]


def test_a_parameter_the_list_does_not_read_makes_no_copy_of_its_own(volunteer_client, idea):
    page(volunteer_client, sort="supported")
    with CaptureQueriesContext(connection) as queries:
        page(volunteer_client, sort="supported", utm_source="bülten")
    assert not [q for q in queries.captured_queries if 'FROM "community_idea"' in q["sql"]]


def test_a_new_idea_and_a_changed_title_show_at_once(volunteer_client, volunteer, idea):
    page(volunteer_client)
    make_idea(volunteer.user, title="İkinci fikir")
    services.edit_idea(
        idea=idea, by=volunteer.user, title="Yeni başlık", body=idea.body, area=idea.area
    )
    html = page(volunteer_client)
    assert "İkinci fikir" in html
    assert "Yeni başlık" in html


def test_a_support_changes_the_count_at_once_and_is_marked_for_its_giver_only(
    client, volunteer, other_volunteer, idea
):
    client.force_login(other_volunteer.user)
    assert "0 destek" in page(client)
    services.support(idea=idea, person=other_volunteer.user)
    hers = page(client)
    assert "1 destek" in hers
    assert "Destekliyorsunuz" in hers
    client.force_login(volunteer.user)
    his = page(client)
    assert "1 destek" in his
    assert "Destekliyorsunuz" not in his


def test_a_comment_and_its_deletion_change_the_count_at_once(volunteer_client, volunteer, idea):
    assert "0 yorum" in page(volunteer_client)
    comment = services.post_comment(idea=idea, author=volunteer.user, body="Katılırım.")
    assert "1 yorum" in page(volunteer_client)
    services.delete_comment(comment=comment, by=volunteer.user)
    assert "0 yorum" in page(volunteer_client)


def test_a_hidden_idea_leaves_the_list_at_once(volunteer_client, coordinator, idea):
    assert idea.title in page(volunteer_client)
    moderation.hide_content(moderator=coordinator, content=idea, reason="spam")
    assert idea.title not in page(volunteer_client)


def test_a_new_nickname_and_a_corrected_name_show_at_once(volunteer_client, other_volunteer):
    make_idea(other_volunteer.user, title="Elif'in fikri")
    assert "Elif Ş." in page(volunteer_client)
    other_volunteer.first_name = "Elife"
    other_volunteer.save()
    assert "Elife Ş." in page(volunteer_client)
    services.set_nickname(person=other_volunteer.user, nickname="Deniz Feneri")
    html = page(volunteer_client)
    assert "Deniz Feneri" in html
    assert "Elife Ş." not in html


def test_an_erased_author_is_not_named_on_the_list_at_once(volunteer_client, other_volunteer):
    make_idea(other_volunteer.user, title="Parkta okuma günü")
    assert "Elif Ş." in page(volunteer_client)
    kvkk.erase(kvkk.subject_of_user(other_volunteer.user), actor=other_volunteer.user)
    html = page(volunteer_client)
    assert "Parkta okuma günü" in html
    assert "Elif" not in html


def test_the_erasures_update_of_her_ideas_changes_the_list_by_itself(
    volunteer_client, other_volunteer
):
    """The update sends no signal: without its own bump the kept copy would name her."""
    make_idea(other_volunteer.user, title="Parkta okuma günü")
    assert "Elif Ş." in page(volunteer_client)
    registry.declaration_of(Idea).anonymise(kvkk.subject_of_user(other_volunteer.user))
    assert "Elif Ş." not in page(volunteer_client)


def test_a_status_change_and_a_renamed_area_show_at_once(volunteer_client, coordinator, idea):
    assert "Yeni" in page(volunteer_client)
    services.change_status(idea=idea, by=coordinator, to="under_review")
    assert "İnceleniyor" in page(volunteer_client)
    idea.area.name_tr = "Atölyeler (yeni ad)"
    idea.area.save()
    assert "Atölyeler (yeni ad)" in page(volunteer_client)


def test_a_support_taken_back_shows_at_once(client, other_volunteer, idea):
    services.support(idea=idea, person=other_volunteer.user)
    client.force_login(other_volunteer.user)
    assert "1 destek" in page(client)
    services.withdraw_support(idea=idea, person=other_volunteer.user)
    html = page(client)
    assert "0 destek" in html
    assert "Destekliyorsunuz" not in html


def test_a_saved_sign_in_or_status_leaves_the_kept_copy_but_a_new_name_does_not(
    volunteer_client, other_volunteer
):
    make_idea(other_volunteer.user, title="Parkta okuma günü")
    page(volunteer_client)
    other_volunteer.user.save(update_fields=["last_login"])
    other_volunteer.save(update_fields=["status"])
    with CaptureQueriesContext(connection) as queries:
        page(volunteer_client)
    assert not [q for q in queries.captured_queries if 'FROM "community_idea"' in q["sql"]]
    other_volunteer.first_name = "Elife"
    other_volunteer.save(update_fields=["first_name"])
    assert "Elife Ş." in page(volunteer_client)


def test_the_english_list_is_kept_apart(volunteer_client, idea):
    assert "fikir bulundu" in page(volunteer_client)
    volunteer_client.cookies["esit_language"] = "en"
    html = page(volunteer_client)
    assert "fikir bulundu" not in html
    assert "found" in html


def test_a_moderators_reading_first_is_not_kept_for_the_readers_after_her(
    volunteer, coordinator_client, coordinator, idea
):
    moderation.hide_content(moderator=coordinator, content=idea, reason="spam")
    assert idea.title in page(coordinator_client)
    reader = Client()
    reader.force_login(volunteer.user)
    assert idea.title not in page(reader)


def test_a_moderator_sees_hidden_ideas_that_the_kept_copy_leaves_out(
    volunteer, coordinator_client, coordinator, idea
):
    moderation.hide_content(moderator=coordinator, content=idea, reason="spam")
    reader = Client()
    reader.force_login(volunteer.user)
    assert idea.title not in page(reader)
    assert idea.title in page(coordinator_client)
    assert idea.title not in page(reader)
