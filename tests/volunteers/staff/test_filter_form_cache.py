"""The directory's, the queues' and the ideas' filter forms are rendered once per language,
query string and reference version (esit/reference/filters.py rendered_fields): a change to
the reference lists, another query string or another language never shows an older copy."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from esit.reference.models import District, VolunteerArea

from .conftest import LIST

pytestmark = pytest.mark.django_db

QUEUE = "/staff/applications/"
IDEAS = "/ideas/"  # the network's list, for volunteers and staff
HOURS = "/staff/hours/"  # areas, no districts
WITH_DISTRICTS = [LIST, QUEUE, IDEAS]
ALL = [*WITH_DISTRICTS, HOURS]


@pytest.mark.parametrize("url", WITH_DISTRICTS)
def test_a_renamed_district_shows_at_once(coordinator_client, url):
    assert "Konak" in coordinator_client.get(url).content.decode()
    district = District.objects.get(slug="konak")
    district.name_tr = "Konak Merkez"
    district.save()
    assert "Konak Merkez" in coordinator_client.get(url).content.decode()


@pytest.mark.parametrize("url", ALL)
def test_an_added_area_shows_at_once(coordinator_client, url):
    coordinator_client.get(url)
    VolunteerArea.objects.create(name_tr="Yeni alan deneme", name_en="New test area")
    assert "Yeni alan deneme" in coordinator_client.get(url).content.decode()


@pytest.mark.parametrize("url", ALL)
def test_each_query_string_shows_its_own_values(coordinator_client, url):
    assert 'value="şahin"' in coordinator_client.get(url, {"q": "şahin"}).content.decode()
    html = coordinator_client.get(url, {"q": "yılmaz"}).content.decode()
    assert 'value="yılmaz"' in html
    assert 'value="şahin"' not in html


@pytest.mark.parametrize("url", WITH_DISTRICTS)
def test_each_language_has_its_own_copy(coordinator_client, url):
    district = District.objects.get(slug="konak")
    district.name_en = "Konak (English)"
    district.save()
    assert "Konak (English)" not in coordinator_client.get(url).content.decode()
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Konak (English)" in coordinator_client.get(url).content.decode()


@pytest.mark.parametrize("url", ALL)
def test_the_reference_lists_are_not_read_again_for_the_same_form(coordinator_client, url):
    coordinator_client.get(url, {"status": "active"})
    with CaptureQueriesContext(connection) as queries:
        coordinator_client.get(url, {"status": "active"})
    read = [q["sql"] for q in queries.captured_queries]
    assert not any('FROM "reference_district"' in sql for sql in read)
    # The form's list of areas (a page's rows may still read their own areas, with a join).
    assert not any('FROM "reference_volunteerarea"' in sql and "JOIN" not in sql for sql in read)
