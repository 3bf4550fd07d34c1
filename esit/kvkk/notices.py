"""Versioned KVKK texts and consents, as administrators publish them and volunteers accept
them.

A text is drafted (Turkish and English), then published; once published it never changes,
a new version is drafted instead. A version marked "material change" asks every volunteer
whose consent is older than it to read and accept again before using her pages
(`ReconsentMiddleware`); a non-material version (a typo, a new address) asks nobody.
Staff may write down a consent a volunteer gave on paper, by phone or in person.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import User
from esit.audit.services import record
from esit.core.errors import RuleError
from esit.privacy.models import ConsentRecord, PrivacyNotice
from esit.privacy.services import (
    latest_material_notice,
    record_consent,
)
from esit.volunteers.models import Volunteer

PUBLISH = "privacy.publish_notices"


class NoticeError(RuleError):
    pass


def _check(actor: User) -> None:
    if not actor.has_perm(PUBLISH):
        raise PermissionDenied


def all_notices() -> QuerySet[PrivacyNotice]:
    return PrivacyNotice.objects.select_related("published_by").order_by(
        "kind", "-published_at", "-pk"
    )


@transaction.atomic
def draft_notice(
    *,
    by: User,
    kind: str,
    version: str,
    title_tr: str,
    title_en: str,
    body_tr: str,
    body_en: str,
    material_change: bool,
) -> PrivacyNotice:
    _check(by)
    version = version.strip()
    if PrivacyNotice.objects.filter(kind=kind, version=version).exists():
        raise NoticeError(_("Bu türde bu sürüm zaten var."), field="version")
    notice = PrivacyNotice.objects.create(
        kind=kind,
        version=version,
        title_tr=title_tr.strip(),
        title_en=title_en.strip(),
        body_tr=body_tr.strip(),
        body_en=body_en.strip(),
        material_change=material_change,
        published_at=None,
    )
    with translation.override(settings.LANGUAGE_CODE):
        record(
            action="kvkk.notice_drafted",
            actor=by,
            obj=notice,
            summary=f"{notice.get_kind_display()} {notice.version}",
        )
    return notice


@transaction.atomic
def publish_notice(*, notice: PrivacyNotice, by: User) -> PrivacyNotice:
    """Publish a draft now. Both languages are needed: the notice is read in both."""
    _check(by)
    locked = PrivacyNotice.objects.select_for_update().get(pk=notice.pk)
    if locked.published_at is not None:
        raise NoticeError(_("Bu sürüm zaten yayımlandı; değiştirmek için yeni sürüm hazırlayın."))
    if not (locked.title_en and locked.body_en):
        raise NoticeError(_("Yayımlamadan önce İngilizce başlığı ve metni yazın."))
    locked.published_at = timezone.now()
    locked.published_by = by
    locked.save(update_fields=["published_at", "published_by"])
    with translation.override(settings.LANGUAGE_CODE):
        record(
            action="kvkk.notice_published",
            actor=by,
            obj=locked,
            summary=str(
                _("%(notice)s yayımlandı (esaslı değişiklik: %(material)s)")
                % {
                    "notice": f"{locked.get_kind_display()} {locked.version}",
                    "material": _("evet") if locked.material_change else _("hayır"),
                }
            ),
        )
    return locked


def consents_of(user: User) -> QuerySet[ConsentRecord]:
    """Her consents to the programme: given with her account, or with her address before she
    had one. Not those given with a safety concern: they neither renew her acceptance of the
    texts nor may a coordinator learn from them that she used the safety channel."""
    return ConsentRecord.objects.filter(Q(user=user) | Q(email=user.email)).filter(
        purpose=ConsentRecord.Purpose.PROGRAMME
    )


def needs_reconsent(user: User) -> bool:
    """A volunteer in the programme whose latest consent (or, without one, her joining)
    is older than the latest materially changed text."""
    material = latest_material_notice()
    if material is None or material.published_at is None:
        return False
    volunteer = Volunteer.objects.filter(user=user).first()
    if volunteer is None or not volunteer.in_programme:
        return False
    latest = consents_of(user).filter(withdrawn_at=None).order_by("-given_at").first()
    since = latest.given_at if latest is not None else volunteer.joined_at
    return since < material.published_at


@transaction.atomic
def accept_current(*, user: User, ip: str) -> ConsentRecord:
    """She read the current texts and accepts them online."""
    consent = record_consent(email=user.email, ip=ip, at=timezone.now(), user=user)
    with translation.override(settings.LANGUAGE_CODE):
        record(
            action="kvkk.consent_recorded",
            actor=user,
            obj=consent,
            person=user,
            summary=str(_("Güncel metinler çevrim içi kabul edildi.")),
        )
    return consent


STAFF_METHODS = (
    ConsentRecord.Method.PAPER,
    ConsentRecord.Method.PHONE,
    ConsentRecord.Method.IN_PERSON,
)


@transaction.atomic
def record_consent_for(
    *, volunteer: Volunteer, by: User, method: str, given_on: datetime.date
) -> ConsentRecord:
    """Staff write down a consent given on paper, by phone or in person (the paper itself
    stays in the file). Only for volunteers of the recorder's scope: the view finds her there,
    and the service asks for the capability too."""
    if not by.has_perm("volunteers.manage_volunteers"):
        raise PermissionDenied
    if method not in STAFF_METHODS:
        raise NoticeError(_("Kâğıt, telefon ya da yüz yüze seçin."), field="method")
    if given_on > timezone.localdate():
        raise NoticeError(_("Verildiği gün gelecekte olamaz."), field="given_on")
    # The day is what the paper says; noon of it, or now when that is still to come today.
    at = min(
        timezone.make_aware(datetime.datetime.combine(given_on, datetime.time(12, 0))),
        timezone.now(),
    )
    consent = record_consent(
        email=volunteer.user.email,
        ip="",
        at=at,
        user=volunteer.user,
        method=method,
        recorded_by=by,
    )
    with translation.override(settings.LANGUAGE_CODE):
        record(
            action="kvkk.consent_recorded",
            actor=by,
            obj=consent,
            person=volunteer,
            summary=str(
                _("Açık rıza personelce kaydedildi: %(method)s")
                % {"method": consent.get_method_display()}
            ),
        )
    return consent
