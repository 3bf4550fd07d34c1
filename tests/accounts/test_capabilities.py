"""Capabilities are permissions held by role groups; defaults are applied once per capability."""

from django.contrib.auth.models import Group, Permission

from esit.accounts import capabilities
from esit.accounts.models import DefaultGrant


def read_audit_log():
    return Permission.objects.get(content_type__app_label="audit", codename="read_audit_log")


def test_registered_capabilities_reach_their_default_roles_after_migrate(db):
    assert read_audit_log() in Group.objects.get(name="administrator").permissions.all()
    assert read_audit_log() not in Group.objects.get(name="coordinator").permissions.all()
    assert DefaultGrant.objects.filter(permission="audit.read_audit_log").exists()


def test_a_capability_taken_from_a_role_is_not_handed_back_by_the_next_migrate(db):
    administrators = Group.objects.get(name="administrator")
    administrators.permissions.remove(read_audit_log())

    capabilities.apply_default_grants(using="default")

    assert read_audit_log() not in administrators.permissions.all()


def test_staff_hold_what_their_role_holds(administrator, coordinator):
    assert administrator.has_perm("audit.read_audit_log")
    assert not coordinator.has_perm("audit.read_audit_log")
