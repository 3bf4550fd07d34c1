"""The register of personal-data breaches (KVKK article 12/5): what happened, when it was
discovered, which data and whom it touched, what was done, and the 72 hours from discovery
in which the KVK Board must be told. Administrators only; every change audited."""

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.audit.services import record
from esit.core.errors import RuleError
from esit.notifications.services import Recipient, notify

from .models import Incident

MANAGE = "kvkk.manage_incidents"
# Remind this long before the deadline (and at once for one logged later than that).
REMIND_HOURS_BEFORE = 24


class IncidentError(RuleError):
    pass


def _check(actor: User) -> None:
    if not actor.has_perm(MANAGE):
        raise PermissionDenied


def all_incidents() -> QuerySet[Incident]:
    return Incident.objects.order_by("-discovered_at", "-pk")


def _validate(fields: dict[str, Any], now: datetime.datetime) -> None:
    discovered = fields["discovered_at"]
    if discovered > now:
        raise IncidentError(_("Öğrenildiği an gelecekte olamaz."), field="discovered_at")
    occurred = fields.get("occurred_at")
    if occurred is not None and occurred > discovered:
        raise IncidentError(_("İhlal, öğrenildiği andan sonra olmuş olamaz."), field="occurred_at")
    for name in ("board_notified_at", "people_notified_at"):
        moment = fields.get(name)
        if moment is not None and moment > now:
            raise IncidentError(_("Bu an gelecekte olamaz."), field=name)
        if moment is not None and moment < discovered:
            raise IncidentError(_("Bildirim, ihlal öğrenilmeden önce olamaz."), field=name)


@transaction.atomic
def log_incident(*, by: User, **fields: Any) -> Incident:
    _check(by)
    _validate(fields, timezone.now())
    incident = Incident.objects.create(**fields, logged_by=by)
    with translation.override(settings.LANGUAGE_CODE):
        record(
            action="kvkk.incident_logged",
            actor=by,
            obj=incident,
            summary=str(
                _("Veri ihlali kaydedildi (%(count)d veri kategorisi)")
                % {"count": len(incident.categories)}
            ),
        )
    return incident


@transaction.atomic
def update_incident(*, incident: Incident, by: User, **fields: Any) -> Incident:
    """Measures, the notification to the Board and to the people: added as they happen."""
    _check(by)
    locked = Incident.objects.select_for_update().get(pk=incident.pk)
    _validate(fields, timezone.now())
    changed = [name for name, value in fields.items() if getattr(locked, name) != value]
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save()
    with translation.override(settings.LANGUAGE_CODE):
        record(
            action="kvkk.incident_updated",
            actor=by,
            obj=locked,
            summary=", ".join(changed) or str(_("değişiklik yok")),
        )
    return locked


def administrators() -> QuerySet[User]:
    """The staff who may handle incidents, by role or by an extra grant."""
    permission = Permission.objects.get(content_type__app_label="kvkk", codename="manage_incidents")
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .distinct()
    )


def remind_due(*, now: datetime.datetime | None = None) -> int:
    """Tell the administrators once about every incident not yet notified to the Board whose
    72-hour deadline is a day away or past. Safe to run twice: an incident is reminded once
    (`reminded_at`), and each message has its own key."""
    now = now or timezone.now()
    horizon = now + datetime.timedelta(hours=REMIND_HOURS_BEFORE)
    due = Incident.objects.filter(
        board_notified_at=None,
        reminded_at=None,
        discovered_at__lte=horizon - datetime.timedelta(hours=Incident.BOARD_HOURS),
    )
    people = list(administrators())
    reminded = 0
    for incident in due:
        with transaction.atomic():
            locked = Incident.objects.select_for_update().get(pk=incident.pk)
            if locked.reminded_at is not None or locked.board_notified_at is not None:
                continue
            for person in people:
                notify(
                    "kvkk.incident_due",
                    obj=locked,
                    to=Recipient.of_user(person),
                    key=f"incident-due:{locked.pk}",
                )
            locked.reminded_at = now
            locked.save(update_fields=["reminded_at"])
            reminded += 1
    return reminded
