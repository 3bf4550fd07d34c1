"""What the accounts layer holds about people, for the personal-data registry.

Accounts own the sign-in: the User row, allauth's addresses and authenticators,
Django's sessions and the admin's change log. Staff accounts are people too.
"""

from allauth.account.models import EmailAddress, EmailConfirmation
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category, DataSubject

from .models import DefaultGrant, KnownSignInAddress, StaffScope, User

ANONYMOUS_NAME = ""


def anonymous_email(user: User) -> str:
    """A unique address that can never receive mail (RFC 2606's .invalid)."""
    return f"anonim-{user.pk}@anonim.invalid"


def users(subject: DataSubject):
    condition = Q(pk__in=[])
    if subject.user is not None:
        condition |= Q(pk=subject.user.pk)
    if subject.emails:
        condition |= Q(email__in=subject.emails)
    return User.objects.filter(condition)


def _export_users(subject):
    return registry.sections_from(
        users(subject),
        title=lambda user: _("Hesabınız"),
        fields=[
            "email",
            "first_name",
            "last_name",
            "preferred_language",
            "date_joined",
            "last_login",
        ],
    )


def _anonymise_users(subject) -> int:
    changed = 0
    for user in users(subject):
        user.email = anonymous_email(user)
        user.first_name = user.last_name = ANONYMOUS_NAME
        user.is_active = False
        # A new password hash also ends every session: Django checks it on each request.
        user.set_unusable_password()
        user.save(update_fields=["email", "first_name", "last_name", "is_active", "password"])
        changed += 1
    return changed


def email_addresses(subject):
    condition = Q(email__in=subject.emails)
    if subject.user is not None:
        condition |= Q(user=subject.user)
    return EmailAddress.objects.filter(condition)


def _export_email_addresses(subject):
    return registry.sections_from(
        email_addresses(subject),
        title=lambda row: _("Oturum açma adresi"),
        fields=["email", "verified", "primary"],
    )


def _delete(queryset) -> int:
    deleted, _by_model = queryset.delete()
    return deleted


def email_confirmations(subject):
    return EmailConfirmation.objects.filter(email_address__in=email_addresses(subject))


def authenticators(subject):
    if subject.user is None:
        return Authenticator.objects.none()
    return Authenticator.objects.filter(user=subject.user)


def _export_authenticators(subject):
    return registry.sections_from(
        authenticators(subject),
        title=lambda row: _("İki adımlı doğrulama"),
        fields=["type", "created_at", "last_used_at"],
    )


def sessions(subject):
    """The person's open sessions (Django keeps no index by user: their data says whose)."""
    if subject.user is None:
        return Session.objects.none()
    keys = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if session.get_decoded().get("_auth_user_id") == str(subject.user.pk)
    ]
    return Session.objects.filter(session_key__in=keys)


def _export_sessions(subject):
    return [
        registry.ExportSection(
            title=_("Açık oturum"),
            rows=[registry.ExportRow(label=_("geçerlilik sonu"), value=session.expire_date)],
        )
        for session in sessions(subject)
    ]


def known_addresses(subject):
    if subject.user is None:
        return KnownSignInAddress.objects.none()
    return KnownSignInAddress.objects.filter(user=subject.user)


def _export_known_addresses(subject):
    return registry.sections_from(
        known_addresses(subject),
        title=lambda row: _("Oturum açtığınız bir adres (yalnızca özeti)"),
        fields=["address_hash", "last_seen"],
    )


def admin_log(subject):
    """The admin's change log about the person's account (its `object_repr` names them)."""
    if subject.user is None:
        return LogEntry.objects.none()
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(subject.user.pk)
    )


def _export_admin_log(subject):
    return registry.sections_from(
        admin_log(subject),
        title=lambda row: _("Yönetim panelindeki değişiklik"),
        fields=["action_time", "object_repr", "change_message"],
    )


def _anonymise_admin_log(subject) -> int:
    return admin_log(subject).update(object_repr=str(_("anonim hesap")))


def register() -> None:
    registry.register(
        User,
        fields={
            "email": Category.CONTACT,
            "first_name": Category.IDENTITY,
            "last_name": Category.IDENTITY,
            "password": Category.TECHNICAL,
            "last_login": Category.TECHNICAL,
            "date_joined": Category.ACTIVITY,
            "preferred_language": Category.ACTIVITY,
        },
        not_personal={"is_superuser", "is_staff", "is_active"},
        rows=users,
        export=_export_users,
        anonymise=_anonymise_users,
        person_record=True,
    )
    registry.register(
        EmailAddress,
        fields={"email": Category.CONTACT},
        not_personal={"verified", "primary"},
        rows=email_addresses,
        export=_export_email_addresses,
        anonymise=lambda subject: _delete(email_addresses(subject)),
    )
    registry.register(
        EmailConfirmation,
        fields={
            "key": Category.TECHNICAL,
            "created": Category.TECHNICAL,
            "sent": Category.TECHNICAL,
        },
        rows=email_confirmations,
        export=lambda subject: [],  # one-time keys, not information about the person
        anonymise=lambda subject: _delete(email_confirmations(subject)),
    )
    registry.register(
        Authenticator,
        fields={
            "data": Category.TECHNICAL,
            "created_at": Category.TECHNICAL,
            "last_used_at": Category.TECHNICAL,
        },
        not_personal={"type"},
        rows=authenticators,
        export=_export_authenticators,
        anonymise=lambda subject: _delete(authenticators(subject)),
    )
    registry.register(
        Session,
        fields={"session_data": Category.TECHNICAL, "expire_date": Category.TECHNICAL},
        rows=sessions,
        export=_export_sessions,
        anonymise=lambda subject: _delete(sessions(subject)),
    )
    registry.register(
        KnownSignInAddress,
        fields={"address_hash": Category.TECHNICAL, "last_seen": Category.TECHNICAL},
        rows=known_addresses,
        export=_export_known_addresses,
        anonymise=lambda subject: _delete(known_addresses(subject)),
    )
    registry.register(
        LogEntry,
        fields={"object_repr": Category.IDENTITY, "change_message": Category.ACTIVITY},
        not_personal={"action_time", "object_id", "action_flag"},
        rows=admin_log,
        export=_export_admin_log,
        anonymise=_anonymise_admin_log,
    )
    for model, fields, reason in [
        (Group, {"name"}, "Role groups: coordinator, administrator, volunteer."),
        (Permission, {"name", "codename"}, "The capabilities the code defines."),
        (ContentType, {"app_label", "model"}, "Django's list of models."),
        (DefaultGrant, {"permission", "granted_at"}, "Which capability defaults were applied."),
        (
            StaffScope,
            set(),
            "Links a staff account to the areas and districts it works in; no data of its own.",
        ),
    ]:
        registry.register_no_personal_data(model, fields=fields, reason=reason)
