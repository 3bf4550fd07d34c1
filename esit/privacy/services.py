import datetime

from django.utils import timezone

from esit.accounts.models import User
from esit.core.email_address import normalise_email
from esit.core.network import hash_ip

from .models import ConsentRecord, PrivacyNotice


def current_notice(kind: str) -> PrivacyNotice:
    return PrivacyNotice.objects.filter(kind=kind, published_at__lte=timezone.now()).latest()


def record_consent(
    *, email: str, ip: str, at: datetime.datetime, user: User | None = None
) -> ConsentRecord:
    """Keep the proof KVKK asks for: which texts, when, and from where (hashed)."""
    return ConsentRecord.objects.create(
        notice=current_notice(PrivacyNotice.Kind.EXPLICIT_CONSENT),
        information_notice=current_notice(PrivacyNotice.Kind.INFORMATION),
        email=normalise_email(email),
        user=user,
        given_at=at,
        ip_hash=hash_ip(ip),
    )


def withdraw_consent(*, record: ConsentRecord, at: datetime.datetime) -> ConsentRecord:
    """KVKK art. 7: consent can be withdrawn at any time; the record keeps when it was."""
    if record.withdrawn_at is None:
        record.withdrawn_at = at
        record.save(update_fields=["withdrawn_at"])
    return record
