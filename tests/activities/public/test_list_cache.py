"""The public list is built once per language, query string and content version, and drawn
anew as soon as an activity, a shift, a sign-up or a registration changes."""

import datetime
import re

import pytest
from django.utils import timezone

from esit.activities.views.public import kept_for
from tests import factories

pytestmark = pytest.mark.django_db

LIST_URL = "/activities/"


def test_the_list_is_built_once_then_served_from_the_cache(client, django_assert_num_queries):
    factories.ActivityFactory.create_batch(3)
    first = client.get(LIST_URL)
    with django_assert_num_queries(0):
        again = client.get(LIST_URL)
    assert again.status_code == 200
    assert again.content.decode().count("activity-card") == first.content.decode().count(
        "activity-card"
    )


def test_a_new_activity_is_listed_at_once(client):
    factories.ActivityFactory(title_tr="Birinci atölye")
    assert "Birinci atölye" in client.get(LIST_URL).content.decode()
    factories.ActivityFactory(title_tr="İkinci atölye")
    assert "İkinci atölye" in client.get(LIST_URL).content.decode()


def test_an_edited_title_shows_at_once(client):
    activity = factories.ActivityFactory(title_tr="Eski başlık")
    client.get(LIST_URL)
    activity.title_tr = "Yeni başlık"
    activity.save()
    html = client.get(LIST_URL).content.decode()
    assert "Yeni başlık" in html
    assert "Eski başlık" not in html


def test_a_sign_up_changes_the_places_left_at_once(client):
    shift = factories.ShiftFactory(capacity=3)
    assert "3 yer kaldı" in client.get(LIST_URL).content.decode()
    factories.SignUpFactory(shift=shift)
    assert "2 yer kaldı" in client.get(LIST_URL).content.decode()


def test_each_query_string_has_its_own_copy(client):
    konak = factories.ActivityFactory(title_tr="Konak atölyesi")
    buca = factories.ActivityFactory(title_tr="Buca atölyesi", district=factories.district("buca"))
    everything = client.get(LIST_URL).content.decode()
    in_buca = client.get(LIST_URL, {"district": buca.district.pk}).content.decode()
    assert konak.title_tr in everything
    assert buca.title_tr in everything
    assert konak.title_tr not in in_buca
    assert buca.title_tr in in_buca


def test_a_parameter_the_list_does_not_read_makes_no_copy_of_its_own(
    client, django_assert_num_queries
):
    factories.ActivityFactory.create_batch(3)
    client.get(LIST_URL, {"when": "upcoming"})
    with django_assert_num_queries(0):
        tagged = client.get(LIST_URL, {"utm_source": "x", "when": "upcoming", "zz": "1"})
    assert tagged.status_code == 200


def test_the_lists_links_carry_on_only_what_it_reads(client, settings):
    factories.ActivityFactory.create_batch(21)  # two pages of 20
    html = client.get(LIST_URL, {"when": "upcoming", "utm_source": "kampanya"}).content.decode()
    next_link = re.search(r'href="([^"]*page=2[^"]*)" rel="next"', html).group(1)
    assert "when=upcoming" in next_link
    assert "utm_source" not in next_link


def test_the_english_list_is_cached_apart(client):
    factories.ActivityFactory(title_tr="Atölye", title_en="Workshop")
    assert "Atölye" in client.get(LIST_URL).content.decode()
    client.cookies["esit_language"] = "en"
    html = client.get(LIST_URL).content.decode()
    assert "Workshop" in html
    assert "Atölye" not in html


def test_a_cached_list_still_carries_a_fresh_csrf_token_for_the_language_switcher(client):
    factories.ActivityFactory()
    client.get(LIST_URL)
    html = client.get(LIST_URL).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html


def test_an_activity_page_is_read_once_for_visitors(client, django_assert_num_queries):
    activity = factories.ShiftFactory().activity
    client.get(f"/activities/{activity.pk}/")
    with django_assert_num_queries(0):
        assert client.get(f"/activities/{activity.pk}/").status_code == 200


def test_a_visitors_activity_page_is_rendered_once_per_language(client):
    activity = factories.ShiftFactory().activity
    url = f"/activities/{activity.pk}/"
    first = client.get(url)
    again = client.get(url)
    body = "activities/public/partials/detail_body.html"
    assert body in [template.name for template in first.templates]
    assert body not in [template.name for template in again.templates]
    assert again.content == first.content.replace(
        _csrf(first), _csrf(again)
    )  # the same page, with its own token
    client.cookies["esit_language"] = "en"
    english = client.get(url).content.decode()
    assert "Volunteer shifts" in english
    assert "Gönüllü vardiyaları" not in english


def _csrf(response) -> bytes:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.content).group(1)


def test_a_visitors_copy_is_kept_no_longer_than_until_the_activity_ends(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 120
    now = timezone.now()
    assert kept_for(now + datetime.timedelta(seconds=30), now) == 30
    assert kept_for(now + datetime.timedelta(milliseconds=10), now) == 1
    assert kept_for(now + datetime.timedelta(days=2), now) == 120
    assert kept_for(now - datetime.timedelta(days=2), now) == 120


def places_left(html: str) -> str:
    """The places-left cell that follows a shift's capacity of 4."""
    return re.search(r"<td>4</td>\s*<td>(\d+)", html).group(1)


def test_an_activity_page_shows_a_new_sign_up_at_once(client):
    shift = factories.ShiftFactory(capacity=4)
    url = f"/activities/{shift.activity.pk}/"
    assert places_left(client.get(url).content.decode()) == "4"
    factories.SignUpFactory(shift=shift)
    assert places_left(client.get(url).content.decode()) == "3"


def test_a_cancelled_activity_page_says_so_at_once(client):
    activity = factories.ActivityFactory()
    client.get(f"/activities/{activity.pk}/")
    activity.status = "cancelled"
    activity.save()
    assert "İptal edildi" in client.get(f"/activities/{activity.pk}/").content.decode()


def test_a_volunteers_activity_page_is_not_the_cached_one(volunteer_client, volunteer):
    signup = factories.SignUpFactory(volunteer=volunteer)
    url = f"/activities/{signup.shift.activity.pk}/"
    volunteer_client.get(url)
    html = volunteer_client.get(url).content.decode()
    assert f"/activities/signups/{signup.pk}/cancel/" in html


def test_the_home_page_lists_a_new_activity_at_once(client):
    factories.ActivityFactory(title_tr="Birinci atölye")
    assert "Birinci atölye" in client.get("/").content.decode()
    factories.ActivityFactory(title_tr="İkinci atölye")
    assert "İkinci atölye" in client.get("/").content.decode()
