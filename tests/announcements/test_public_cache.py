"""/announcements/ and its Atom feed are built once per language, page and announcements'
version (esit/announcements/versions.py): a reader after the first gets the kept copy, and
any announcement written, published, changed or archived shows at once."""

import datetime

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from esit.announcements import services

from .conftest import write, write_published

LIST = reverse("announcements:list")
FEED = reverse("announcements:feed")


@pytest.mark.parametrize("url", [LIST, FEED])
def test_a_second_reader_gets_the_kept_copy_without_a_query(
    client, coordinator, django_assert_num_queries, url
):
    write_published(coordinator, title_tr="Şenlik günü")
    client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert "Şenlik günü" in again.content.decode()


def test_a_parameter_the_list_does_not_read_makes_no_copy_of_its_own(
    client, coordinator, django_assert_num_queries
):
    write_published(coordinator, title_tr="Şenlik günü")
    client.get(LIST)
    with django_assert_num_queries(0):
        tagged = client.get(LIST, {"fbclid": "abc", "utm_medium": "social"})
    assert "Şenlik günü" in tagged.content.decode()


@pytest.mark.parametrize("url", [LIST, FEED])
def test_a_published_announcement_shows_at_once(client, coordinator, url):
    client.get(url)
    write_published(coordinator, title_tr="İlk kez yayında")
    assert "İlk kez yayında" in client.get(url).content.decode()


@pytest.mark.parametrize("url", [LIST, FEED])
def test_a_changed_title_shows_at_once(client, coordinator, url):
    announcement = write_published(coordinator, title_tr="Eski başlık")
    assert "Eski başlık" in client.get(url).content.decode()
    services.save_announcement(
        by=coordinator, announcement=announcement, title_tr="Işıklı yeni başlık", body_tr="Metin"
    )
    page = client.get(url).content.decode()
    assert "Işıklı yeni başlık" in page
    assert "Eski başlık" not in page


@pytest.mark.parametrize("url", [LIST, FEED])
def test_an_archived_announcement_leaves_at_once(client, coordinator, url):
    announcement = write_published(coordinator, title_tr="Geçmiş duyuru")
    assert "Geçmiş duyuru" in client.get(url).content.decode()
    services.archive(by=coordinator, announcement=announcement)
    assert "Geçmiş duyuru" not in client.get(url).content.decode()


def test_a_scheduled_announcement_shows_once_the_clock_publishes_it(client, coordinator):
    announcement = write(coordinator, title_tr="Zamanı gelen duyuru")
    services.publish(
        by=coordinator, announcement=announcement, at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert "Zamanı gelen duyuru" not in client.get(LIST).content.decode()
    services.publish_due(now=timezone.now() + datetime.timedelta(hours=2))
    assert "Zamanı gelen duyuru" in client.get(LIST).content.decode()


@pytest.mark.parametrize("url", [LIST, FEED])
def test_each_language_has_its_own_copy(client, coordinator, url):
    write_published(coordinator, title_tr="Türkçe başlık", title_en="English title")
    assert "Türkçe başlık" in client.get(url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(url).content.decode()
    assert "English title" in page
    assert "Türkçe başlık" not in page


def test_each_page_of_the_list_has_its_own_copy(client, coordinator):
    for number in range(12):
        write_published(coordinator, title_tr=f"Duyuru numara {number:02d}")
    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()
    assert "Duyuru numara 11" in first
    assert "Duyuru numara 11" not in second
    assert "Duyuru numara 00" in second
    assert "Duyuru numara 00" not in first


def test_the_kept_feed_still_answers_not_modified(client, coordinator):
    write_published(coordinator, title_tr="Koşullu istek")
    first = client.get(FEED)
    again = client.get(FEED, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert feedparser.parse(first.content).entries[0].title == "Koşullu istek"


def test_the_activities_feed_names_a_renamed_district_at_once(client, db):
    from tests import factories

    activity = factories.ActivityFactory(title_tr="Yaklaşan buluşma")
    feed = reverse("announcements:activities_feed")
    assert activity.district.name_tr in client.get(feed).content.decode()
    district = activity.district
    district.name_tr = "Yeni ilçe adı"
    district.save()
    assert "Yeni ilçe adı" in client.get(feed).content.decode()
