"""A coordinator scoped to Translation manages only Translation volunteers: in the list, its
search, a page opened by id (404 outside), and the actions and exports alike."""

import pytest

from esit.audit.models import AuditEvent
from tests import factories

from .conftest import LIST, detail_url, listed, make_volunteer

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(db):
    return make_volunteer("Çevirmen", "Aslı", areas=[factories.area("translation")])


@pytest.fixture
def field_researcher(db):
    return make_volunteer("Sahacı", "Işıl", areas=[factories.area("field-research")])


def test_the_list_shows_only_the_scope(scoped_client, translator, field_researcher):
    assert listed(scoped_client.get(LIST)) == [translator.pk]


def test_a_search_does_not_find_what_is_outside_the_scope(scoped_client, field_researcher):
    assert listed(scoped_client.get(LIST, {"q": "ışıl"})) == []


def test_a_volunteer_outside_the_scope_is_not_found_by_id(scoped_client, field_researcher):
    assert scoped_client.get(detail_url(field_researcher)).status_code == 404
    assert not AuditEvent.objects.filter(action="volunteers.viewed").exists()


def test_a_volunteer_inside_the_scope_opens(scoped_client, translator):
    assert scoped_client.get(detail_url(translator)).status_code == 200


def test_a_district_scope(client, translator):
    from tests.accounts.test_scope import scoped

    bornova = make_volunteer("Zehra", "Acar", district=factories.district("bornova"))
    client.force_login(scoped(factories.StaffFactory(role="coordinator"), districts=["bornova"]))
    assert listed(client.get(LIST)) == [bornova.pk]
    assert client.get(detail_url(translator)).status_code == 404
