import datetime

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone

from esit.accounts.models import User
from esit.core.email_address import normalise_email
from esit.core.network import hash_ip

from .models import ConsentRecord, PrivacyNotice

# The id of the latest materially changed published text, cached: the re-consent check runs
# on every request of a signed-in volunteer and must not cost a query once the session knows.
MATERIAL_CACHE_KEY = "privacy:latest-material-notice"
MATERIAL_CACHE_SECONDS = 300


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


def latest_material_id() -> int:
    """`latest_material_notice()`'s id (0 for none), from the cache when it can."""
    cached = cache.get(MATERIAL_CACHE_KEY)
    if cached is None:
        notice = latest_material_notice()
        cached = notice.pk if notice is not None else 0
        cache.set(MATERIAL_CACHE_KEY, cached, MATERIAL_CACHE_SECONDS)
    return int(cached)


def forget_material_notice() -> None:
    cache.delete(MATERIAL_CACHE_KEY)


def record_consent(
    *,
    email: str,
    ip: str,
    at: datetime.datetime,
    user: User | None = None,
    method: str = ConsentRecord.Method.ONLINE,
    recorded_by: User | None = None,
) -> ConsentRecord:
    """Keep the proof KVKK asks for: which texts, when, how, from where (hashed) and, when
    staff wrote it down from paper, a call or a meeting, who did."""
    return ConsentRecord.objects.create(
        notice=current_notice(PrivacyNotice.Kind.EXPLICIT_CONSENT),
        information_notice=current_notice(PrivacyNotice.Kind.INFORMATION),
        email=normalise_email(email),
        user=user,
        given_at=at,
        ip_hash=hash_ip(ip) if ip else "",
        method=method,
        recorded_by=recorded_by,
    )


def withdraw_consent(*, record: ConsentRecord, at: datetime.datetime) -> ConsentRecord:
    """KVKK art. 7: consent can be withdrawn at any time; the record keeps when it was."""
    if record.withdrawn_at is None:
        record.withdrawn_at = at
        record.save(update_fields=["withdrawn_at"])
    return record
