import hashlib
import hmac

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


def client_ip(request) -> str:
    """The visitor's address, read the way allauth reads it for its own rate limits.

    Behind a load balancer set TRUSTED_PROXY_COUNT (how many proxies add to
    X-Forwarded-For); the address is then taken from that header at the place
    no client can forge. Used by our rate limits and consent records, which hash it.
    allauth's own reading, not our adapter's: ours hands allauth a hash
    (`AccountAdapter.get_client_ip`).
    """
    return DefaultAccountAdapter(request).get_client_ip(request)


def hash_ip(ip: str) -> str:
    """A keyed hash of an address (IP or e-mail): a stable token that is not the address.

    Proves a consent's origin, or tells two messages to one address apart, without storing
    the address itself (KVKK).
    """
    key = getattr(settings, "ADDRESS_HASH_KEY", "") or settings.SECRET_KEY
    return hmac.new(key.encode(), ip.encode(), hashlib.sha256).hexdigest()
