"""The sign-in lockout that cannot lock the real owner out (settings.ACCOUNT_RATE_LIMITS).

allauth counts failed sign-ins; `AccountAdapter` chooses what it counts them by:

- `login_failed` "…/ip": failures from one client address, whatever the account (a guesser
  trying many accounts from one place);
- `login_failed` "…/key": failures for one account *from one client address* (the key is the
  account and the keyed hash of the address), so an attacker's wrong passwords lock her own
  address out of that account, never the owner's;
- `login_failed_account` "…/key": failures for one account from everywhere, a much higher
  cap that still slows a guesser spread over many addresses. An address the account has
  completed a sign-in from before (password and, for staff, second factor) is exempt: the
  owner at her usual desk is not denied, and the guesser is not there.

The addresses are kept only as keyed hashes (`esit.core.network.hash_ip`), the last
`KNOWN_ADDRESSES_KEPT` per account, written when a sign-in completes (`user_logged_in`).
"""

from typing import Any

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone

from esit.core.email_address import normalise_email

from .models import KnownSignInAddress, User

KNOWN_ADDRESSES_KEPT = 10
ACCOUNT_WIDE_ACTION = "login_failed_account"


def address_key(request: HttpRequest) -> str:
    """The keyed hash allauth's limits know this client by (`AccountAdapter.get_client_ip`)."""
    key: str = get_adapter(request).get_client_ip(request)
    return key


def is_known_address(email: str, key: str) -> bool:
    """Has the account of this address completed a sign-in from the client `key` names?"""
    return KnownSignInAddress.objects.filter(
        user__email=normalise_email(email), address_hash=key
    ).exists()


def remember_address(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    """After a completed sign-in: remember its address (hashed), forget the oldest beyond
    `KNOWN_ADDRESSES_KEPT`. A request without an address (a test's force_login) is skipped."""
    if request is None or not request.META.get("REMOTE_ADDR"):
        return
    try:
        key = address_key(request)
    except PermissionDenied:
        return
    KnownSignInAddress.objects.update_or_create(
        user=user, address_hash=key, defaults={"last_seen": timezone.now()}
    )
    stale = KnownSignInAddress.objects.filter(user=user).order_by("-last_seen", "-pk")[
        KNOWN_ADDRESSES_KEPT:
    ]
    KnownSignInAddress.objects.filter(pk__in=list(stale.values_list("pk", flat=True))).delete()
