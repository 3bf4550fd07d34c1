"""Activities' part of the audit trail (esit/audit; docs/architecture.md, "The audit trail").

Services and views call `record(...)` in the transaction of the change they record. A
summary names counts, statuses and field names, never a person's details (no name, no
address, no reason's text: its length at most), so erasing a person leaves the trail
readable. Summaries are written in the programme's language, whatever the page's.
"""

from django.conf import settings
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from esit.accounts.models import User
from esit.audit import actions
from esit.audit import services as audit

ACTIONS = {
    "activities.published": _("Etkinlik yayınlandı"),
    "activities.cancelled": _("Etkinlik iptal edildi"),
    "activities.signup_added": _("Koordinatör gönüllüyü vardiyaya ekledi"),
    "activities.signup_approved": _("Vardiya kaydı onaylandı"),
    "activities.signup_declined": _("Vardiya kaydı reddedildi"),
    "activities.signup_cancelled": _("Koordinatör vardiya kaydını iptal etti"),
    "activities.checked_in": _("Yoklamada geldi"),
    "activities.no_show": _("Yoklamada gelmedi"),
    "activities.task_assigned": _("Görev atandı"),
    "activities.task_accepted": _("Görev teslimi kabul edildi"),
    "activities.task_returned": _("Görev teslimi geri gönderildi"),
    "activities.hours_approved": _("Saatler onaylandı"),
    "activities.hours_rejected": _("Saatler reddedildi"),
    "activities.certificate_issued": _("Gönüllülük belgesi düzenlendi"),
    "activities.participant_cancelled": _("Koordinatör katılımcı kaydını iptal etti"),
    "activities.participant_attendance": _("Katılımcının katılımı kaydedildi"),
    "activities.roster_viewed": _("Vardiya listesi açıldı"),
    "activities.roster_exported": _("Vardiya listesi indirildi"),
    "activities.participants_viewed": _("Katılımcı listesi açıldı"),
    "activities.participants_exported": _("Katılımcı listesi indirildi"),
    "activities.exported": _("Etkinlik listesi indirildi"),
    "activities.hours_exported": _("Saat listesi indirildi"),
}


def register() -> None:
    for key, label in ACTIONS.items():
        actions.register(key, label)


def record(
    action: str,
    *,
    by: User | None,
    obj: Model,
    person: Model | None = None,
    summary: StrOrPromise,
    **params: object,
) -> None:
    """One event; `summary` is a translatable message formatted with `params` in the
    programme's language."""
    with translation.override(settings.LANGUAGE_CODE):
        text = str(summary) % params if params else str(summary)
        audit.record(action=action, actor=by, obj=obj, person=person, summary=text)


def reason_length(text: str) -> str:
    """A reason or comment in the trail: how long it was, never what it said."""
    if not text:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return str(_(" (gerekçe %(length)d karakter)") % {"length": len(text)})
