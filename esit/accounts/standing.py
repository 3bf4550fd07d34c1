"""An account's standing: its roles, its second factor, its permissions and its scope.

Every staff page needs all of them before it draws a line (the staff gate, the menus, the
capability checks, the scope of each list), and read from the database they are six queries
on every request: the groups, an authenticator, the account's and its roles' permissions, the
scope's areas and districts. They change rarely (an administrator gives a role, a coordinator
sets up an authenticator), so they are read once and kept in the cache under a content
version (esit/core/versions.py) that every such change bumps (`receivers` below): the next
request reads them again. The account's own row (active, superuser) is still read on every
request by the session's authentication, so a deactivated account is refused at once.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router

from esit.core import versions

VERSION = "accounts.standing"


@dataclass(frozen=True)
class Standing:
    roles: frozenset[str]
    two_factor: bool
    user_permissions: frozenset[str]
    group_permissions: frozenset[str]
    scope_area_ids: frozenset[int]
    scope_district_ids: frozenset[int]


NO_STANDING = Standing(
    roles=frozenset(),
    two_factor=False,
    user_permissions=frozenset(),
    group_permissions=frozenset(),
    scope_area_ids=frozenset(),
    scope_district_ids=frozenset(),
)


def standing_of(user) -> Standing:
    """The standing of a signed-in account: kept on the object for the request, in the cache
    between requests."""
    held = getattr(user, "_esit_standing", None)
    if held is not None:
        return held
    if user.pk is None:
        return NO_STANDING  # an account not saved yet has nothing to read
    # The superuser flag is in the key, as it changes what the model backend answers and
    # lives on the account's row, which no signal below watches; so is the moment the account
    # was made, so that a new account given a deleted one's id (SQLite) starts afresh.
    joined = user.date_joined.timestamp() if user.date_joined else 0
    tokens = versions.versions(VERSION, _own(user.pk))
    key = f"esit:standing:{user.pk}:{joined}:{int(user.is_superuser)}:{tokens}"
    standing = cache.get(key)
    if not isinstance(standing, Standing):
        standing = _read(user)
        cache.set(key, standing, timeout=settings.STANDING_CACHE_SECONDS)
    user._esit_standing = standing
    return standing


def _read(user) -> Standing:
    from allauth.mfa.models import Authenticator

    from .models import StaffScope, User

    # The model backend's own queries, on a copy: what it would have answered uncached.
    fresh = User(pk=user.pk, is_active=True, is_superuser=user.is_superuser)
    backend = ModelBackend()
    return Standing(
        roles=frozenset(user.groups.values_list("name", flat=True)),
        two_factor=Authenticator.objects.filter(user_id=user.pk).exists(),
        user_permissions=frozenset(backend.get_user_permissions(fresh)),
        group_permissions=frozenset(backend.get_group_permissions(fresh)),
        scope_area_ids=frozenset(
            StaffScope.areas.through.objects.filter(staffscope_id=user.pk).values_list(
                "volunteerarea_id", flat=True
            )
        ),
        scope_district_ids=frozenset(
            StaffScope.districts.through.objects.filter(staffscope_id=user.pk).values_list(
                "district_id", flat=True
            )
        ),
    )


def _own(user_id) -> str:
    return f"{VERSION}.{user_id}"


def _bump(*names: str) -> None:
    if not _no_cache_table_yet():
        versions.bump(*names)


def role_changed(**kwargs) -> None:
    """A role's permissions, or a role or permission itself: the standing of everyone who has
    the role, so of every account (such changes are rare)."""
    _bump(VERSION)


def account_changed(sender, instance, **kwargs) -> None:
    """One account's own part changed (its authenticator, its scope): hers alone."""
    _bump(_own(instance.user_id))


def account_links_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """An account's roles or own permissions, or a scope's areas or districts. From the
    account's (or the scope's) side, that account's standing; from the other side (a role's
    member list, an area's scopes), each account named, or everyone when they are cleared.
    A scope's id is its account's (`StaffScope.user` is its primary key), so a pk is always an
    account's."""
    if not action.startswith("post_"):
        return
    if not reverse:
        _bump(_own(instance.pk))
    elif pk_set:
        _bump(*(_own(pk) for pk in pk_set))
    else:
        _bump(VERSION)


def _no_cache_table_yet() -> bool:
    """A deployment on the database cache makes its table after the first `migrate`, whose
    default grants change roles: with no table, nothing is cached that could be stale."""
    backend = caches["default"]  # `cache` is a proxy: isinstance needs the backend itself
    if not isinstance(backend, DatabaseCache):
        return False
    alias = router.db_for_write(backend.cache_model_class)
    table = backend._table  # type: ignore[attr-defined]  # set by BaseDatabaseCache
    return table not in connections[alias].introspection.table_names()


def connect() -> None:
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import StaffScope, User

    uid = "esit.accounts.standing."
    for through in (
        User.groups.through,
        User.user_permissions.through,
        StaffScope.areas.through,
        StaffScope.districts.through,
    ):
        m2m_changed.connect(
            account_links_changed, sender=through, dispatch_uid=uid + through.__name__
        )
    m2m_changed.connect(role_changed, sender=Group.permissions.through, dispatch_uid=uid + "role")
    for model in (Group, Permission):
        post_save.connect(role_changed, sender=model, dispatch_uid=uid + "save." + model.__name__)
        post_delete.connect(
            role_changed, sender=model, dispatch_uid=uid + "delete." + model.__name__
        )
    for owned in (StaffScope, Authenticator):
        post_save.connect(
            account_changed, sender=owned, dispatch_uid=uid + "save." + owned.__name__
        )
        post_delete.connect(
            account_changed, sender=owned, dispatch_uid=uid + "delete." + owned.__name__
        )


class StandingBackend(ModelBackend):
    """Django's model backend, answering permissions from the account's standing."""

    def get_user_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return set(standing_of(user_obj).user_permissions)

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return set(standing_of(user_obj).group_permissions)
