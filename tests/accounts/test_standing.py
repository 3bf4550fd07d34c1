"""An account's standing (roles, second factor, permissions, scope) is read once and kept in
the cache; every change to one of them is seen by the next request (esit/accounts/standing.py)."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from esit.accounts.models import StaffScope
from esit.accounts.scope import scope_of
from esit.accounts.standing import standing_of
from tests import factories

TEAM = "/staff/team/"  # needs accounts.manage_staff, which coordinators do not have
STANDING_QUERIES = 6  # roles, authenticator, own and roles' permissions, scope areas, districts


def fresh(user):
    """The account as the next request loads it: a new object, nothing held from before."""
    return get_user_model().objects.get(pk=user.pk)


def manage_staff() -> Permission:
    return Permission.objects.get(content_type__app_label="accounts", codename="manage_staff")


def test_the_standing_is_read_once_then_comes_from_the_cache(
    coordinator, django_assert_num_queries
):
    first, second = fresh(coordinator), fresh(coordinator)
    with django_assert_num_queries(STANDING_QUERIES):
        standing_of(first)
    with django_assert_num_queries(0):
        standing = standing_of(second)
    assert standing.roles == {"coordinator"}
    assert standing.two_factor


def test_a_staff_page_reads_no_role_permission_or_scope_once_the_standing_is_kept(
    coordinator_client,
):
    coordinator_client.get("/staff/")
    with CaptureQueriesContext(connection) as queries:
        assert coordinator_client.get("/staff/").status_code == 200
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    for table in ("auth_group", "auth_permission", "mfa_authenticator", "accounts_staffscope"):
        assert table not in tables


def test_a_capability_given_to_a_role_opens_its_page_on_the_next_request(coordinator_client):
    assert coordinator_client.get(TEAM).status_code == 403
    Group.objects.get(name="coordinator").permissions.add(manage_staff())
    assert coordinator_client.get(TEAM).status_code == 200
    Group.objects.get(name="coordinator").permissions.remove(manage_staff())
    assert coordinator_client.get(TEAM).status_code == 403


def test_a_capability_given_to_the_account_itself_is_seen_at_once(coordinator_client, coordinator):
    coordinator_client.get(TEAM)
    coordinator.user_permissions.add(manage_staff())
    assert coordinator_client.get(TEAM).status_code == 200


def test_a_role_taken_away_closes_the_workspace_on_the_next_request(
    coordinator_client, coordinator
):
    assert coordinator_client.get("/staff/").status_code == 200
    coordinator.groups.clear()
    assert coordinator_client.get("/staff/").status_code == 403


def test_a_removed_authenticator_sends_the_coordinator_to_set_one_up_again(
    coordinator_client, coordinator
):
    assert coordinator_client.get("/staff/").status_code == 200
    Authenticator.objects.filter(user=coordinator).delete()
    response = coordinator_client.get("/staff/")
    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_a_changed_scope_is_the_scope_of_the_next_request(coordinator):
    assert scope_of(fresh(coordinator)).is_whole_programme
    scope = StaffScope.objects.create(user=coordinator)
    scope.areas.set([factories.area("translation")])
    assert scope_of(fresh(coordinator)).area_ids == {factories.area("translation").pk}
    scope.districts.set([factories.district("konak")])
    assert scope_of(fresh(coordinator)).district_ids == {factories.district("konak").pk}
    scope.delete()
    assert scope_of(fresh(coordinator)).is_whole_programme


def test_a_superuser_who_loses_the_flag_loses_every_permission_with_it(administrator):
    administrator.is_superuser = True
    administrator.save()
    assert fresh(administrator).has_perm("auth.delete_group")
    administrator.is_superuser = False
    administrator.save()
    assert not fresh(administrator).has_perm("auth.delete_group")


@pytest.mark.django_db
def test_a_new_account_with_a_deleted_accounts_id_starts_with_no_standing():
    staff = factories.StaffFactory(role="administrator")
    pk = staff.pk
    assert standing_of(fresh(staff)).roles == {"administrator"}
    staff.delete()
    newcomer = get_user_model().objects.create_user(pk=pk, email="yeni@esitizmir.example")
    assert standing_of(fresh(newcomer)).roles == frozenset()
    assert not fresh(newcomer).has_perm("accounts.manage_staff")
