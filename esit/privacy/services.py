import datetime

from django.db.models import Q, QuerySet, Subquery
from django.utils import timezone

from esit.accounts.models import User
from esit.core.email_address import normalise_email
from esit.core.network import hash_ip

from .models import ConsentRecord, PrivacyNotice


def published() -> QuerySet[PrivacyNotice]:
    return PrivacyNotice.objects.filter(
        published_at__isnull=False, published_at__lte=timezone.now()
    )


def _in_force(kind: str) -> QuerySet[PrivacyNotice]:
    """The published texts of a kind, the one in force first: the latest published (of two
    published at the same moment, the later written)."""
    return published().filter(kind=kind).order_by("-published_at", "-pk")


def current_notice(kind: str) -> PrivacyNotice:
    notice = _in_force(kind).first()
    if notice is None:
        raise PrivacyNotice.DoesNotExist(f"No published privacy notice of kind {kind!r}.")
    return notice


def _current_notices() -> tuple[PrivacyNotice, PrivacyNotice]:
    """The explicit-consent text and the information notice in force, as current_notice reads
    each, in one query: every consent record names both, and an application is one of the
    public writes whose queries are counted (docs/performance.md)."""

    def in_force_pk(kind: str) -> Subquery:
        return Subquery(_in_force(kind).values("pk")[:1])

    consent_kind, information_kind = (
        PrivacyNotice.Kind.EXPLICIT_CONSENT,
        PrivacyNotice.Kind.INFORMATION,
    )
    by_kind = {
        notice.kind: notice
        for notice in PrivacyNotice.objects.filter(
            Q(pk=in_force_pk(consent_kind)) | Q(pk=in_force_pk(information_kind))
        )
    }
    if consent_kind not in by_kind or information_kind not in by_kind:
        raise PrivacyNotice.DoesNotExist("No published privacy notice of each kind.")
    return by_kind[consent_kind], by_kind[information_kind]


def latest_material_notice() -> PrivacyNotice | None:
    """The most recently published text (of either kind) that changed materially: a
    volunteer whose consent is older than it is asked to read and accept again."""
    return published().filter(material_change=True).order_by("-published_at", "-pk").first()


def record_consent(
    *,
    email: str,
    ip: str,
    at: datetime.datetime,
    user: User | None = None,
    method: str = ConsentRecord.Method.ONLINE,
    recorded_by: User | None = None,
    purpose: str = ConsentRecord.Purpose.PROGRAMME,
) -> ConsentRecord:
    """Keep the proof KVKK asks for: which texts, when, how, from where (hashed), what for
    (`purpose`) and, when staff wrote it down from paper, a call or a meeting, who did."""
    notice, information_notice = _current_notices()
    return ConsentRecord.objects.create(
        notice=notice,
        information_notice=information_notice,
        email=normalise_email(email),
        user=user,
        given_at=at,
        ip_hash=hash_ip(ip) if ip else "",
        method=method,
        recorded_by=recorded_by,
        purpose=purpose,
    )


def withdraw_consent(*, record: ConsentRecord, at: datetime.datetime) -> ConsentRecord:
    """KVKK art. 7: consent can be withdrawn at any time; the record keeps when it was."""
    if record.withdrawn_at is None:
        record.withdrawn_at = at
        record.save(update_fields=["withdrawn_at"])
    return record
