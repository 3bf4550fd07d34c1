"""Rights change only on /staff/team/ (audited, never one's own): the Django admin shows them
and edits none of them, not even for a superuser."""

import pytest
from django.contrib.auth.models import Group

from tests import factories

pytestmark = pytest.mark.django_db


def test_an_administrator_cannot_make_themselves_superuser(client, administrator):
    client.force_login(administrator)
    page = client.get(f"/staff/admin/accounts/user/{administrator.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="is_superuser"' not in html
    assert 'name="is_staff"' not in html


def test_not_even_a_superuser_edits_rights_in_the_admin(client):
    boss = factories.StaffFactory(role="administrator", is_superuser=True)
    someone = factories.StaffFactory(role="coordinator")
    client.force_login(boss)
    html = client.get(f"/staff/admin/accounts/user/{someone.pk}/change/").content.decode()
    for field in ["is_superuser", "is_staff", "is_active", "groups"]:
        assert f'name="{field}"' not in html, field


def test_staff_pages_are_never_cached(coordinator_client):
    response = coordinator_client.get("/staff/")
    assert "no-store" in response.headers["Cache-Control"]


def test_account_pages_are_never_cached(client):
    response = client.get("/accounts/login/")
    assert "no-store" in response.headers["Cache-Control"]


def test_not_even_a_superuser_sets_someone_elses_password_or_address_in_the_admin(client):
    boss = factories.StaffFactory(role="administrator", is_superuser=True)
    someone = factories.VolunteerFactory().user
    client.force_login(boss)

    html = client.get(f"/staff/admin/accounts/user/{someone.pk}/change/").content.decode()
    assert 'name="email"' not in html
    response = client.post(
        f"/staff/admin/accounts/user/{someone.pk}/password/",
        {"password1": "Ele-gecirme-2026!", "password2": "Ele-gecirme-2026!"},
    )
    assert response.status_code == 403
    someone.refresh_from_db()
    assert not someone.check_password("Ele-gecirme-2026!")


def test_accounts_are_not_created_in_the_admin(client):
    boss = factories.StaffFactory(role="administrator", is_superuser=True)
    client.force_login(boss)

    assert client.get("/staff/admin/accounts/user/add/").status_code == 403


def test_accounts_are_not_deleted_in_the_admin(client):
    boss = factories.StaffFactory(role="administrator", is_superuser=True)
    someone = factories.StaffFactory(role="coordinator")
    client.force_login(boss)

    response = client.post(f"/staff/admin/accounts/user/{someone.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert type(someone).objects.filter(pk=someone.pk).exists()


@pytest.mark.parametrize(
    "path",
    [
        # a role's capabilities: granting one to a role would grant it to all who hold it
        "/staff/admin/auth/group/",
        "/staff/admin/auth/group/add/",
        # someone's sign-in address: changing it, then resetting "her" password, takes her account
        "/staff/admin/account/emailaddress/",
        "/staff/admin/account/emailaddress/add/",
        # the second factors' secrets
        "/staff/admin/mfa/authenticator/",
    ],
)
def test_roles_addresses_and_second_factors_are_not_in_the_admin(client, path):
    client.force_login(factories.StaffFactory(role="administrator", is_superuser=True))

    assert client.get(path).status_code == 404


def test_the_administrator_role_cannot_be_granted_in_the_admin(client):
    """Neither through the account (its groups are read-only) nor through the role group."""
    boss = factories.StaffFactory(role="administrator", is_superuser=True)
    someone = factories.StaffFactory(role="coordinator")
    client.force_login(boss)
    administrators = Group.objects.get(name="administrator")
    change = f"/staff/admin/accounts/user/{someone.pk}/change/"

    client.post(change, {"email": someone.email, "groups": [administrators.pk]})
    client.post(f"/staff/admin/auth/group/{administrators.pk}/change/", {"name": "administrator"})

    assert not someone.groups.filter(name="administrator").exists()


def test_the_admin_index_offers_only_reference_data_accounts_and_tasks(client):
    client.force_login(factories.StaffFactory(role="administrator", is_superuser=True))
    html = client.get("/staff/admin/").content.decode()

    for hidden in ("/staff/admin/auth/", "/staff/admin/account/", "/staff/admin/mfa/"):
        assert f'href="{hidden}' not in html, hidden
    assert 'href="/staff/admin/reference/district/"' in html
