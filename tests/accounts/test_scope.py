"""A coordinator's scope: areas and/or districts; the whole programme without one."""

import pytest

from esit.accounts.models import StaffScope
from esit.accounts.scope import WHOLE_PROGRAMME, Scope, scope_of
from esit.applications.models import Application
from tests import factories


def scoped(user, *, areas=(), districts=()):
    scope, _created = StaffScope.objects.get_or_create(user=user)
    scope.areas.set([factories.area(slug) for slug in areas])
    scope.districts.set([factories.district(slug) for slug in districts])
    return user


def test_a_staff_member_without_a_scope_sees_the_whole_programme(coordinator):
    assert scope_of(coordinator) == WHOLE_PROGRAMME
    assert scope_of(coordinator).is_whole_programme


def test_an_empty_scope_row_is_the_whole_programme(coordinator):
    StaffScope.objects.create(user=coordinator)
    assert scope_of(coordinator).is_whole_programme


def test_the_scope_is_read_once_per_user_object(coordinator, django_assert_num_queries):
    scoped(coordinator, areas=["translation"])
    scope_of(coordinator)  # with the rest of her standing (tests/accounts/test_standing.py)
    translation = factories.area("translation").pk
    with django_assert_num_queries(0):
        assert scope_of(coordinator).area_ids == {translation}


@pytest.fixture
def three_applications(db):
    return {
        "translation_konak": factories.ApplicationFactory(
            areas=[factories.area("translation")], district=factories.district("konak")
        ),
        "field_konak": factories.ApplicationFactory(
            areas=[factories.area("field-research")], district=factories.district("konak")
        ),
        "both_buca": factories.ApplicationFactory(
            areas=[factories.area("translation"), factories.area("field-research")],
            district=factories.district("buca"),
        ),
    }


def visible(scope: Scope, applications) -> set[str]:
    found = scope.filter(Application.objects.all(), areas="areas", district="district")
    ids = set(found.values_list("pk", flat=True))
    assert found.count() == len(ids)  # a record with two matching areas appears once
    return {name for name, application in applications.items() if application.pk in ids}


def test_an_area_scope_keeps_records_with_one_of_its_areas(three_applications):
    scope = Scope(area_ids=frozenset({factories.area("translation").pk}))
    assert visible(scope, three_applications) == {"translation_konak", "both_buca"}


def test_a_district_scope_keeps_records_in_its_districts(three_applications):
    scope = Scope(district_ids=frozenset({factories.district("konak").pk}))
    assert visible(scope, three_applications) == {"translation_konak", "field_konak"}


def test_areas_and_districts_together_must_both_match(three_applications):
    scope = Scope(
        area_ids=frozenset({factories.area("field-research").pk}),
        district_ids=frozenset({factories.district("buca").pk}),
    )
    assert visible(scope, three_applications) == {"both_buca"}


def test_a_record_in_hand_is_judged_the_same_way():
    scope = Scope(area_ids=frozenset({1, 2}), district_ids=frozenset({7}))
    assert scope.allows(area_ids=[2, 5], district_id=7)
    assert not scope.allows(area_ids=[5], district_id=7)
    assert not scope.allows(area_ids=[1], district_id=8)
