"""Requests of data subjects that came by another channel: logged with their legal
deadline (KVKK article 13: 30 days), reminded before it, answered on the record.

Every change is a service here, checked against the capability and audited; the staff
pages only call them.
"""

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
from esit.core.email_address import normalise_email
from esit.core.errors import RuleError
from esit.notifications.services import Recipient, notify

from .models import DataRequest

HANDLE = "privacy.handle_data_requests"
REMIND_DAYS_BEFORE = 7


class RequestError(RuleError):
    pass


def _check(actor: User) -> None:
    if not actor.has_perm(HANDLE):
        raise PermissionDenied


def deadline_for(received_on: datetime.date) -> datetime.date:
    return received_on + datetime.timedelta(days=DataRequest.ANSWER_DAYS)


def open_requests() -> QuerySet[DataRequest]:
    return DataRequest.objects.filter(status=DataRequest.Status.OPEN).order_by("deadline", "pk")


def all_requests() -> QuerySet[DataRequest]:
    return DataRequest.objects.order_by("status", "deadline", "-pk")


@transaction.atomic
def log_request(*, by: User, **fields: Any) -> DataRequest:
    _check(by)
    received_on = fields["received_on"]
    if received_on > timezone.localdate():
        raise RequestError(_("Alındığı gün gelecekte olamaz."), field="received_on")
    if not (fields.get("requester_email") or fields.get("requester_phone")):
        raise RequestError(
            _("Yanıt verebilmek için bir e-posta adresi ya da telefon yazın."),
            field="requester_email",
        )
    if fields.get("requester_email"):
        fields["requester_email"] = normalise_email(fields["requester_email"])
    request = DataRequest.objects.create(**fields, deadline=deadline_for(received_on), logged_by=by)
    with translation.override(settings.LANGUAGE_CODE):
        record(
            action="kvkk.request_logged",
            actor=by,
            obj=request,
            summary=f"{request.get_kind_display()}, {request.get_channel_display()}",
        )
    return request


@transaction.atomic
def answer_request(*, request: DataRequest, by: User, answer: str, refused: bool) -> DataRequest:
    _check(by)
    locked = DataRequest.objects.select_for_update().get(pk=request.pk)
    if not locked.is_open:
        raise RequestError(_("Bu başvuru zaten yanıtlandı."))
    if not answer.strip():
        raise RequestError(_("Verilen yanıtı yazın."), field="answer")
    locked.answer = answer.strip()
    locked.status = DataRequest.Status.REFUSED if refused else DataRequest.Status.ANSWERED
    locked.answered_on = timezone.localdate()
    locked.answered_by = by
    locked.save(update_fields=["answer", "status", "answered_on", "answered_by"])
    with translation.override(settings.LANGUAGE_CODE):
        record(
            action="kvkk.request_answered",
            actor=by,
            obj=locked,
            summary=str(
                _("%(status)s; %(days)d gün içinde")
                % {
                    "status": locked.get_status_display(),
                    "days": (locked.answered_on - locked.received_on).days,
                }
            ),
        )
    return locked


def handlers() -> QuerySet[User]:
    """The staff who may handle requests, by role or by an extra grant."""
    permission = Permission.objects.get(
        content_type__app_label="privacy", codename="handle_data_requests"
    )
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .distinct()
    )


def remind_due(*, today: datetime.date | None = None) -> int:
    """Tell the handlers once about every open request whose deadline is a week away or
    past. Safe to run twice: a request is reminded once (`reminded_on`), and each message has
    its own key."""
    today = today or timezone.localdate()
    due = open_requests().filter(
        deadline__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE), reminded_on=None
    )
    reminded = 0
    people = list(handlers())
    for request in due:
        with transaction.atomic():
            locked = DataRequest.objects.select_for_update().get(pk=request.pk)
            if locked.reminded_on is not None:
                continue
            for person in people:
                notify(
                    "kvkk.request_due",
                    obj=locked,
                    to=Recipient(
                        address=person.email, language=person.preferred_language, user=person
                    ),
                    key=f"due:{locked.pk}",
                )
            locked.reminded_on = today
            locked.save(update_fields=["reminded_on"])
            reminded += 1
    return reminded
