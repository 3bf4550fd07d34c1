"""Rate limits of the public forms: how many posts one client address may send a form.

Every public form a visitor posts without an account (the application and its status page,
public registration, cancelling it, confirming a shift, unsubscribing) is decorated with
`limit_posts(form_name, rate_setting=...)`. Sign-in and password reset are allauth's
(settings.ACCOUNT_RATE_LIMITS, esit/accounts/sign_in.py).

- The limit is a setting (`"20/h"`: 20 posts an hour; units s, m, h, d), read on each request.
- The counter's key is a keyed hash of the form's name and the client address
  (`esit.core.network`), never the address: no cache holds a raw IP (KVKK).
- Signed-in forms (the network, reporting, the library, the safety channel) count per
  account instead: `limit_posts(..., key="user")` keys a keyed hash of the form's name and
  the account's id, so volunteers behind one address (a municipality office, a mobile
  carrier's NAT) do not use up each other's allowance. A post without a signed-in account
  to such a form is counted per address in a counter of its own, so anonymous posts never
  use up a volunteer's allowance.
- Counting is django-ratelimit's: a fixed window with `cache.add` then `cache.incr`, atomic
  on Redis and on the database cache of a deployment without Redis (esit/core/cache.py).
- Over the limit: a translated 429 page with `Retry-After`; nothing the form would do
  happens.
- The cache down (Redis unreachable): the post goes through and a warning is logged. A
  limit that fails closed would turn a cache outage into a site outage; one that answers 500
  would lose the application being sent.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from .network import client_ip, hash_ip

logger = logging.getLogger(__name__)

UNITS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}
DEFAULT_SETTING = "PUBLIC_FORM_RATE_LIMIT"


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(rate: str) -> Rate:
    """`"20/h"` → 20 per 3600 s; `"5/10m"` → 5 per 600 s."""
    count, _slash, period = rate.strip().partition("/")
    amount = period[:-1] or "1"
    if not count.isdigit() or not amount.isdigit() or period[-1:] not in UNITS:
        raise ValueError(f"A rate is 'count/period' such as '20/h', not {rate!r}.")
    return Rate(count=int(count), seconds=int(amount) * UNITS[period[-1]])


def address_key(group: str, request: HttpRequest) -> str:
    """What the counter is kept for: a keyed hash of the form's name and the client address,
    never the address itself (django-ratelimit hashes it again into its cache key)."""
    return hash_ip(f"{group}|{client_ip(request)}")[:40]


def account_key(group: str, request: HttpRequest) -> str:
    """The counter of a signed-in form: a keyed hash of the form's name and the account's id.
    A visitor without an account is counted by address, under a name of its own."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return address_key(f"{group}|anonymous", request)
    return hash_ip(f"{group}|account:{user.pk}")[:40]


KEYS: dict[str, Callable[[str, HttpRequest], str]] = {"ip": address_key, "user": account_key}


def allowed(request: HttpRequest, form_name: str, rate: Rate, *, key: str = "ip") -> bool:
    """Count this post; False once the address has used up the rate in this window.

    django-ratelimit counts (a fixed window, `add` then `incr` on the shared cache). Fails
    open (True, with a warning in the log) when the cache does not answer.
    """
    try:
        limited = is_ratelimited(
            request,
            group=form_name,
            key=KEYS[key],
            rate=f"{rate.count}/{rate.seconds}s",
            increment=True,
        )
    except Exception as error:
        logger.warning(
            "Rate limit of %s not checked: the cache did not answer (%s).",
            form_name,
            type(error).__name__,
        )
        return True
    return not limited


def too_many_requests(request: HttpRequest, rate: Rate | None = None) -> HttpResponse:
    """The translated page for a visitor over a limit (also allauth's 429 and the handler)."""
    response = render(request, "core/rate_limited.html", status=429)
    if rate is not None:
        response["Retry-After"] = str(rate.seconds - int(time.time()) % rate.seconds)
    return response


def limit_posts(
    form_name: str, *, rate_setting: str = DEFAULT_SETTING, key: str = "ip"
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Refuse (429) posts to the view beyond `settings.<rate_setting>` per client address
    (`key="ip"`, public forms) or per signed-in account (`key="user"`)."""
    if key not in KEYS:
        raise ValueError(f"A rate limit counts per {' or '.join(KEYS)}, not {key!r}.")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST":
                rate = parse_rate(getattr(settings, rate_setting))
                if not allowed(request, form_name, rate, key=key):
                    return too_many_requests(request, rate)
            return view(request, *args, **kwargs)

        limited.rate_limited_form = form_name  # type: ignore[attr-defined]  # read by the tests
        limited.rate_limited_key = key  # type: ignore[attr-defined]
        return limited

    return decorator
