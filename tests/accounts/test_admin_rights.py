"""Roles are groups; only a superuser can grant superuser or raw staff rights."""

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


def test_a_superuser_sees_the_superuser_switch(client):
    boss = factories.StaffFactory(role="administrator", is_superuser=True)
    client.force_login(boss)
    html = client.get(f"/staff/admin/accounts/user/{boss.pk}/change/").content.decode()
    assert 'name="is_superuser"' in html


def test_staff_pages_are_never_cached(coordinator_client):
    response = coordinator_client.get("/staff/")
    assert "no-store" in response.headers["Cache-Control"]


def test_account_pages_are_never_cached(client):
    response = client.get("/accounts/login/")
    assert "no-store" in response.headers["Cache-Control"]
