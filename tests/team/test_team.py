"""/staff/team/: administrators manage staff accounts, roles, capabilities and scopes; nobody
changes their own rights; every change is audited."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from esit.accounts.models import StaffScope
from esit.accounts.scope import scope_of
from esit.audit.models import AuditEvent
from tests import factories

TEAM = "/staff/team/"


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def test_only_those_who_manage_staff_open_the_team_pages(coordinator_client, coordinator):
    assert coordinator_client.get(TEAM).status_code == 403
    assert coordinator_client.get(f"{TEAM}{coordinator.pk}/").status_code == 403
    assert 'href="/staff/team/"' not in coordinator_client.get("/staff/").content.decode()


def test_the_team_lists_staff_with_their_role_and_two_factor(admin_client, coordinator):
    factories.StaffFactory(role="coordinator", first_name="Ceren", two_factor=False)
    factories.VolunteerFactory()  # volunteers are not staff

    response = admin_client.get(TEAM)

    html = response.content.decode()
    assert response.status_code == 200
    assert coordinator.email in html
    assert "Ceren" in html
    assert "Kurulmadı" in html
    assert len(response.context["members"]) == 3  # two coordinators and the administrator


def test_the_team_page_runs_the_same_queries_for_few_and_many(
    admin_client, django_assert_max_num_queries
):
    admin_client.get(TEAM)
    with django_assert_max_num_queries(20) as few:
        admin_client.get(TEAM)
    factories.StaffFactory.create_batch(5, role="coordinator")
    admin_client.get(TEAM)  # new accounts make every standing be read again, once
    with django_assert_max_num_queries(20) as many:
        admin_client.get(TEAM)
    assert len(many.captured_queries) == len(few.captured_queries)


def invite(client, **changes):
    data = {
        "first_name": "Nazlı",
        "last_name": "Işık",
        "email": "NAZLI.ISIK@izmir.example",
        "role": "coordinator",
        "language": "tr",
        "areas": [factories.area("translation").pk],
        **changes,
    }
    return client.post(f"{TEAM}invite/", data)


def test_an_invited_coordinator_gets_a_link_to_set_a_password(
    admin_client, administrator, run_on_commit
):
    with run_on_commit():
        response = invite(admin_client)

    member = get_user_model().objects.get(email="nazli.isik@izmir.example")
    assert response.status_code == 302
    assert member.has_role("coordinator")
    assert member.is_staff
    assert not member.has_usable_password()
    assert scope_of(member).area_ids == {factories.area("translation").pk}
    (message,) = mail.outbox
    assert message.to == ["nazli.isik@izmir.example"]
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", message.body)
    assert link, message.body
    event = AuditEvent.objects.get(action="team.staff_invited")
    assert (event.actor, event.person_id) == (administrator, str(member.pk))


def test_an_address_that_already_has_an_account_is_refused_next_to_the_field(admin_client):
    volunteer = factories.VolunteerFactory()
    response = invite(admin_client, email=volunteer.user.email)

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not volunteer.user.groups.filter(name="coordinator").exists()


def test_an_administrator_changes_another_members_role_and_it_is_audited(admin_client, coordinator):
    response = admin_client.post(f"{TEAM}{coordinator.pk}/role/", {"role": "administrator"})

    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.has_role("administrator")
    assert not coordinator.groups.filter(name="coordinator").exists()
    assert AuditEvent.objects.filter(action="team.role_changed").count() == 1


def test_nobody_changes_their_own_rights(admin_client, administrator):
    response = admin_client.post(f"{TEAM}{administrator.pk}/role/", {"role": "coordinator"})

    assert response.status_code == 200
    assert "Kendi hesabınızın" in response.content.decode()
    assert administrator.groups.filter(name="administrator").exists()
    assert not AuditEvent.objects.filter(action="team.role_changed").exists()


def test_a_scope_is_set_and_emptied(admin_client, coordinator):
    konak = factories.district("konak")
    admin_client.post(f"{TEAM}{coordinator.pk}/scope/", {"districts": [konak.pk]})
    assert StaffScope.objects.get(user=coordinator).districts.get() == konak

    admin_client.post(f"{TEAM}{coordinator.pk}/scope/", {})
    assert not StaffScope.objects.get(user=coordinator).districts.exists()
    assert AuditEvent.objects.filter(action="team.scope_changed").count() == 2


def test_an_extra_capability_is_granted_on_top_of_the_role(admin_client, coordinator):
    assert not coordinator.has_perm("audit.read_audit_log")
    admin_client.post(
        f"{TEAM}{coordinator.pk}/capabilities/", {"granted": ["audit.read_audit_log"]}
    )

    member = get_user_model().objects.get(pk=coordinator.pk)
    assert member.has_perm("audit.read_audit_log")
    assert AuditEvent.objects.get(action="team.capabilities_changed").summary.startswith(
        "eklenen: audit.read_audit_log"
    )


def test_an_unknown_capability_is_refused(admin_client, coordinator):
    response = admin_client.post(
        f"{TEAM}{coordinator.pk}/capabilities/", {"granted": ["auth.delete_user"]}
    )
    assert response.status_code == 200
    assert response.context["capabilities_form"].errors["granted"]


def test_ending_access_asks_first_then_the_member_can_no_longer_sign_in(
    admin_client, coordinator, client
):
    asked = admin_client.post(f"{TEAM}{coordinator.pk}/access/", {"active": "no"})
    assert asked.status_code == 200
    coordinator.refresh_from_db()
    assert coordinator.is_active

    admin_client.post(f"{TEAM}{coordinator.pk}/access/", {"active": "no", "confirmed": "yes"})

    coordinator.refresh_from_db()
    assert not coordinator.is_active
    assert AuditEvent.objects.filter(action="team.deactivated").exists()
    other = factories.StaffFactory(role="coordinator")
    assert other.is_active
