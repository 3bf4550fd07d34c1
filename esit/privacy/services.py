import datetime

from django.db.models import QuerySet
from django.utils import timezone

from esit.accounts.models import User
from esit.core.email_address import normalise_email
from esit.core.network import hash_ip

from .models import ConsentRecord, PrivacyNotice


def published() -> QuerySet[PrivacyNotice]:
    return PrivacyNotice.objects.filter(
        published_at__isnull=False, published_at__lte=timezone.now()
    )


def current_notice(kind: str) -> PrivacyNotice:
    return published().filter(kind=kind).latest()


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
    return ConsentRecord.objects.create(
        notice=current_notice(PrivacyNotice.Kind.EXPLICIT_CONSENT),
        information_notice=current_notice(PrivacyNotice.Kind.INFORMATION),
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
