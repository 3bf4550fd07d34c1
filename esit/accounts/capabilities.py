"""Capabilities: the named things staff may do, as Django permissions held by role groups.

Each app declares its capabilities as permissions in its models' `Meta.permissions`
and registers them here in `AppConfig.ready()`, with the roles that hold them by
default. After every `migrate` (and the test suite's flush, which sends the same
signal) the defaults are applied once per capability: a role group receives the
permission the first time it is seen, and `DefaultGrant` remembers that, so an
administrator who later takes it away from a role is not overruled by the next
deployment. Views and services check the capability (`user.has_perm(...)`),
never "is this person staff".
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django_stubs_ext import StrOrPromise

from .models import Role


@dataclass(frozen=True)
class Capability:
    permission: str  # "<app label>.<codename>", as user.has_perm() takes it
    label: StrOrPromise
    roles: tuple[str, ...]  # the role groups that hold it by default

    @property
    def app_label(self) -> str:
        return self.permission.split(".", 1)[0]

    @property
    def codename(self) -> str:
        return self.permission.split(".", 1)[1]


_CAPABILITIES: dict[str, Capability] = {}


def register(permission: str, label: StrOrPromise, *, roles: tuple[str, ...]) -> Capability:
    unknown = set(roles) - set(Role.values)
    if unknown:
        raise ValueError(f"Unknown roles for {permission}: {', '.join(sorted(unknown))}")
    capability = Capability(permission=permission, label=label, roles=tuple(roles))
    _CAPABILITIES[permission] = capability
    return capability


def all_capabilities() -> list[Capability]:
    return sorted(_CAPABILITIES.values(), key=lambda capability: capability.permission)


def get(permission: str) -> Capability:
    return _CAPABILITIES[permission]


def apply_default_grants(*, using: str = "default", **_signal) -> None:
    """Give each registered capability to its default roles, once (a post_migrate receiver).

    It runs after the whole schema is migrated, so it works with the current models.
    """
    from django.contrib.auth.models import Group, Permission

    from .models import DefaultGrant

    done = set(DefaultGrant.objects.using(using).values_list("permission", flat=True))
    for capability in all_capabilities():
        if capability.permission in done:
            continue
        # The permission row may not exist yet when this app's signal comes first.
        create_permissions(
            global_apps.get_app_config(capability.app_label), verbosity=0, using=using
        )
        permission = Permission.objects.using(using).get(
            content_type__app_label=capability.app_label, codename=capability.codename
        )
        for role in capability.roles:
            group, _created = Group.objects.using(using).get_or_create(name=role)
            group.permissions.add(permission)
        DefaultGrant.objects.using(using).create(permission=capability.permission)
