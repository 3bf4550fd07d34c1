import hashlib
import hmac

from django.conf import settings


def client_ip(request) -> str:
    return request.META.get(settings.RATELIMIT_IP_META_KEY, "") or ""


def hash_ip(ip: str) -> str:
    """A keyed hash of an address: proves a consent's origin without storing the address (KVKK)."""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()
