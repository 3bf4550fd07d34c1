"""/announcements/, an announcement's page, /me/, the Atom feeds and link previews."""

import feedparser
import pytest
from django.urls import reverse

from esit.announcements import services
from tests import factories

from .conftest import write, write_published


def test_the_public_list_shows_public_announcements_only(client, coordinator):
    write_published(coordinator, title_tr="Herkese duyuru")
    write_published(coordinator, title_tr="Gönüllülere duyuru", audience="volunteers")
    write(coordinator, title_tr="Taslak duyuru")
    page = client.get(reverse("announcements:list")).content.decode()
    assert "Herkese duyuru" in page
    assert "Gönüllülere duyuru" not in page
    assert "Taslak duyuru" not in page


def test_a_volunteers_announcement_has_no_public_page(client, coordinator):
    hidden = write_published(coordinator, audience="volunteers")
    assert client.get(reverse("announcements:detail", args=[hidden.pk])).status_code == 404


def test_an_announcement_page_shows_sanitised_html(client, coordinator):
    announcement = write_published(
        coordinator, body_tr="**Kalın** <script>alert(1)</script> <img src=x onerror=alert(2)>"
    )
    page = client.get(reverse("announcements:detail", args=[announcement.pk])).content.decode()
    assert "<strong>Kalın</strong>" in page
    assert "alert(" not in page
    assert "onerror" not in page


def test_what_a_user_types_in_the_title_is_escaped(client, coordinator):
    announcement = write_published(coordinator, title_tr="<b>Kalın</b> başlık")
    page = client.get(reverse("announcements:detail", args=[announcement.pk])).content.decode()
    assert "<b>Kalın</b>" not in page
    assert "&lt;b&gt;Kalın&lt;/b&gt; başlık" in page


def test_the_page_is_english_when_an_english_text_exists(client, coordinator):
    announcement = write_published(
        coordinator, title_tr="Türkçe", title_en="In English", body_en="English body"
    )
    client.post(reverse("set_language"), {"language": "en"})
    page = client.get(reverse("announcements:detail", args=[announcement.pk])).content.decode()
    assert "In English" in page
    assert "English body" in page


@pytest.mark.parametrize("count", [2, 12])
def test_the_list_is_paginated_in_a_fixed_number_of_queries(
    client, coordinator, django_assert_num_queries, count
):
    for number in range(count):
        write_published(coordinator, title_tr=f"Duyuru {number}")
    with django_assert_num_queries(2):  # the count and the page
        client.get(reverse("announcements:list"))


def test_the_open_graph_tags_preview_an_announcement(client, coordinator):
    announcement = write_published(
        coordinator, title_tr="Mor Dayanışma", body_tr="Cumartesi **Konak**'ta buluşuyoruz."
    )
    page = client.get(reverse("announcements:detail", args=[announcement.pk])).content.decode()
    assert '<meta property="og:title" content="Mor Dayanışma">' in page
    assert "Cumartesi Konak&#x27;ta buluşuyoruz." in page
    assert f'content="http://testserver/announcements/{announcement.pk}/"' in page
    assert f"/announcements/cards/announcement/{announcement.pk}/tr/square.png" in page


def test_the_open_graph_tags_preview_an_activity(client, db):
    activity = factories.ActivityFactory(title_tr="Kadın hakları atölyesi")
    page = client.get(reverse("activities:detail", args=[activity.pk])).content.decode()
    assert '<meta property="og:title" content="Kadın hakları atölyesi">' in page
    assert "og:image" in page


def test_other_pages_have_no_open_graph_tags(client, db):
    assert "og:title" not in client.get(reverse("home")).content.decode()


def test_the_footer_links_the_programmes_accounts(client, db):
    page = client.get(reverse("announcements:list")).content.decode()
    assert 'href="https://www.instagram.com/izbbkadin/"' in page


def test_the_atom_feed_is_valid_and_lists_public_announcements(client, coordinator):
    write_published(coordinator, title_tr="Şenlik")
    write_published(coordinator, title_tr="Gizli", audience="volunteers")
    response = client.get(reverse("announcements:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Şenlik"]
    assert feed.entries[0].link.startswith("http://testserver/announcements/")


@pytest.mark.parametrize("name", ["announcements:feed", "announcements:activities_feed"])
def test_a_feed_answers_not_modified_to_a_reader_that_has_it_even_when_it_is_empty(
    client, db, name
):
    first = client.get(reverse(name))
    assert feedparser.parse(first.content).entries == []
    again = client.get(reverse(name), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_a_feed_is_new_to_a_reader_once_an_announcement_is_published(client, coordinator):
    empty = client.get(reverse("announcements:feed"))
    write_published(coordinator, title_tr="Yeni duyuru")
    response = client.get(reverse("announcements:feed"), headers={"If-None-Match": empty["ETag"]})
    assert response.status_code == 200
    assert [entry.title for entry in feedparser.parse(response.content).entries] == ["Yeni duyuru"]


def test_the_activities_feed_lists_upcoming_activities_and_is_linked_from_their_list(client, db):
    factories.ActivityFactory(title_tr="Yaklaşan atölye")
    factories.ActivityFactory(title_tr="Taslak atölye", status="draft")
    feed = feedparser.parse(client.get(reverse("announcements:activities_feed")).content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Yaklaşan atölye"]
    page = client.get(reverse("activities:list")).content.decode()
    assert 'type="application/atom+xml"' in page
    assert reverse("announcements:activities_feed") in page


def test_a_volunteer_sees_announcements_meant_for_her_on_me(
    client, coordinator, translator, campaigner
):
    write_published(
        coordinator,
        title_tr="Çevirmenlere",
        audience="areas",
        areas=[factories.area("translation")],
    )
    client.force_login(translator.user)
    assert "Çevirmenlere" in client.get(reverse("volunteers:dashboard")).content.decode()
    client.force_login(campaigner.user)
    assert "Çevirmenlere" not in client.get(reverse("volunteers:dashboard")).content.decode()


def test_a_volunteer_opens_her_announcement_but_not_another_areas(
    client, coordinator, translator, campaigner
):
    announcement = write_published(
        coordinator, audience="areas", areas=[factories.area("translation")]
    )
    url = reverse("announcements:mine", args=[announcement.pk])
    client.force_login(translator.user)
    assert client.get(url).status_code == 200
    client.force_login(campaigner.user)
    assert client.get(url).status_code == 404


def test_an_archived_announcement_leaves_me(client, coordinator, translator):
    announcement = write_published(coordinator, title_tr="Eski haber", audience="volunteers")
    services.archive(by=coordinator, announcement=announcement)
    client.force_login(translator.user)
    assert "Eski haber" not in client.get(reverse("volunteers:dashboard")).content.decode()
