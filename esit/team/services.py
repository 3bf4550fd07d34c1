"""The staff team: inviting staff, their roles, extra capabilities and scopes, and ending
their access. Only holders of `accounts.manage_staff` act here, never on their own account
(nobody raises their own rights), and every change is written to the audit trail."""

from collections.abc import Iterable

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from esit.accounts import capabilities
from esit.accounts.models import STAFF_ROLES, Role, StaffScope, User
from esit.audit.services import record
from esit.core.email_address import normalise_email
from esit.core.errors import RuleError
from esit.notifications.services import Recipient, notify
from esit.reference.models import District, VolunteerArea

MANAGE = "accounts.manage_staff"


class TeamError(RuleError):
    """A rule of the staff team refused the change (esit/core/errors.py)."""


def _check_manager(by: User | None, member: User | None = None) -> None:
    if by is None or not by.has_perm(MANAGE):
        raise PermissionDenied
    if member is not None and member.pk == by.pk:
        raise TeamError(
            _(
                "Kendi hesabınızın rolünü, yetkilerini, kapsamını ya da erişimini "
                "değiştiremezsiniz; başka bir yöneticiden isteyin."
            )
        )


def _check_role(role: str) -> None:
    if role not in STAFF_ROLES:
        raise TeamError(_("Lütfen listeden bir personel rolü seçin."), field="role")


def _locked(member: User) -> User:
    return User.objects.select_for_update().get(pk=member.pk)


def role_of(member: User) -> str:
    names = {group.name for group in member.groups.all()}  # prefetched on the team pages
    for role in (Role.ADMINISTRATOR, Role.COORDINATOR):
        if role in names:
            return role
    return ""


def _scope_summary(areas: Iterable[VolunteerArea], districts: Iterable[District]) -> str:
    areas, districts = list(areas), list(districts)
    if not areas and not districts:
        return str(_("tüm program"))
    return str(
        _("%(areas)d alan, %(districts)d ilçe") % {"areas": len(areas), "districts": len(districts)}
    )


def invite_staff(
    *,
    by: User | None,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    language: str = "tr",
    areas: Iterable[VolunteerArea] = (),
    districts: Iterable[District] = (),
    request: HttpRequest | None = None,
) -> User:
    """A new staff account with a role and a scope; the person gets a link to set a password
    and sets up two-factor authentication at the first sign-in (the staff gate asks)."""
    _check_manager(by)
    _check_role(role)
    email = normalise_email(email)
    with transaction.atomic():
        if User.objects.filter(email=email).exists():
            raise TeamError(
                _(
                    "Bu adresle bir hesap zaten var. Bir gönüllüyü personel yapmak yerine "
                    "personel için ayrı bir iş adresi kullanın."
                ),
                field="email",
            )
        member = User.objects.create_user(
            email=email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            preferred_language=language,
            is_staff=True,
        )  # no password: the invitation lets them choose one
        member.groups.add(Group.objects.get(name=role))
        EmailAddress.objects.create(user=member, email=email, verified=True, primary=True)
        areas, districts = list(areas), list(districts)
        if areas or districts:
            scope = StaffScope.objects.create(user=member)
            scope.areas.set(areas)
            scope.districts.set(districts)
        record(
            action="team.staff_invited",
            actor=by,
            obj=member,
            person=member,
            summary=f"{Role(role).label}; {_scope_summary(areas, districts)}",
            request=request,
        )
        notify("team.invitation", obj=member, to=Recipient.of_user(member))
    return member


def create_staff_member(
    *,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    password: str,
    totp_secret: str,
    language: str = "tr",
) -> User:
    """A staff account with its password and second factor, made at the server's console
    (`manage.py create_staff`): the first administrator of a new deployment, who has nobody
    to invite her, or the coordinator of a smoke test. Recorded without an actor: the
    operator is whoever can run commands on the server."""
    _check_role(role)
    email = normalise_email(email)
    with transaction.atomic():
        if User.objects.filter(email=email).exists():
            raise TeamError(_("Bu adresle bir hesap zaten var."), field="email")
        member = User.objects.create_user(
            email=email,
            password=password,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            preferred_language=language,
            is_staff=True,
        )
        member.groups.add(Group.objects.get(name=role))
        EmailAddress.objects.create(user=member, email=email, verified=True, primary=True)
        TOTP.activate(member, totp_secret)
        record(
            action="team.staff_created",
            actor=None,
            obj=member,
            person=member,
            summary=f"{Role(role).label}; {_scope_summary((), ())}",
        )
    return member


def change_role(
    *, by: User | None, member: User, role: str, request: HttpRequest | None = None
) -> User:
    _check_manager(by, member)
    _check_role(role)
    with transaction.atomic():
        member = _locked(member)
        before = role_of(member)
        if before == role:
            return member
        member.groups.remove(*Group.objects.filter(name__in=STAFF_ROLES))
        member.groups.add(Group.objects.get(name=role))
        record(
            action="team.role_changed",
            actor=by,
            obj=member,
            person=member,
            summary=f"{Role(before).label if before else '—'} → {Role(role).label}",
            request=request,
        )
    return member


def set_scope(
    *,
    by: User | None,
    member: User,
    areas: Iterable[VolunteerArea],
    districts: Iterable[District],
    request: HttpRequest | None = None,
) -> User:
    """Areas and/or districts the member works in; none of either is the whole programme."""
    _check_manager(by, member)
    areas, districts = list(areas), list(districts)
    with transaction.atomic():
        member = _locked(member)
        scope, _created = StaffScope.objects.get_or_create(user=member)
        scope.areas.set(areas)
        scope.districts.set(districts)
        record(
            action="team.scope_changed",
            actor=by,
            obj=member,
            person=member,
            summary=_scope_summary(areas, districts),
            request=request,
        )
    return member


def set_capabilities(
    *,
    by: User | None,
    member: User,
    granted: Iterable[str],
    request: HttpRequest | None = None,
) -> User:
    """The capabilities the member holds on top of their role's (registered ones only)."""
    _check_manager(by, member)
    known = {capability.permission for capability in capabilities.all_capabilities()}
    granted = set(granted)
    if granted - known:
        raise TeamError(_("Lütfen listedeki yetkilerden seçin."), field="granted")
    with transaction.atomic():
        member = _locked(member)
        current = {
            f"{permission.content_type.app_label}.{permission.codename}"
            for permission in member.user_permissions.select_related("content_type")
        } & known
        added, removed = granted - current, current - granted
        for names, change in (
            (added, member.user_permissions.add),
            (removed, member.user_permissions.remove),
        ):
            for name in names:
                app_label, codename = name.split(".", 1)
                change(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        if added or removed:
            record(
                action="team.capabilities_changed",
                actor=by,
                obj=member,
                person=member,
                summary=str(
                    _("eklenen: %(added)s; kaldırılan: %(removed)s")
                    % {
                        "added": ", ".join(sorted(added)) or "—",
                        "removed": ", ".join(sorted(removed)) or "—",
                    }
                ),
                request=request,
            )
    return member


def set_active(
    *, by: User | None, member: User, active: bool, request: HttpRequest | None = None
) -> User:
    """End or give back a member's access. A deactivated account cannot sign in, and its open
    sessions stop working at their next request (Django refuses inactive users)."""
    _check_manager(by, member)
    with transaction.atomic():
        member = _locked(member)
        if member.is_active == active:
            return member
        member.is_active = active
        member.save(update_fields=["is_active"])
        record(
            action="team.reactivated" if active else "team.deactivated",
            actor=by,
            obj=member,
            person=member,
            summary=str(_("Erişim geri verildi.") if active else _("Erişim kapatıldı.")),
            request=request,
        )
    return member
