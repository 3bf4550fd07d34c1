"""Rights change only on /staff/team/ (audited, never one's own): the Django admin shows them
and edits none of them, not even for a superuser."""

import pytest

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
