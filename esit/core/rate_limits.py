"""Rate limits of the public forms: how many posts one client address may send a form.

Every public form a visitor posts without an account (the application and its status page,
public registration, cancelling it, confirming a shift, unsubscribing) is decorated with
`limit_posts(form_name, rate_setting=...)`. Sign-in and password reset are allauth's
(settings.ACCOUNT_RATE_LIMITS, esit/accounts/sign_in.py).

- The limit is a setting (`"20/h"`: 20 posts an hour; units s, m, h, d), read on each request.
- The counter's key is a keyed hash of the form's name and the client address
  (`esit.core.network`), never the address: no cache holds a raw IP (KVKK).
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


def allowed(request: HttpRequest, form_name: str, rate: Rate) -> bool:
    """Count this post; False once the address has used up the rate in this window.

    django-ratelimit counts (a fixed window, `add` then `incr` on the shared cache). Fails
    open (True, with a warning in the log) when the cache does not answer.
    """
    try:
        limited = is_ratelimited(
            request,
            group=form_name,
            key=address_key,
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
    form_name: str, *, rate_setting: str = DEFAULT_SETTING
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Refuse (429) posts to the view beyond `settings.<rate_setting>` per client address."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST":
                rate = parse_rate(getattr(settings, rate_setting))
                if not allowed(request, form_name, rate):
                    return too_many_requests(request, rate)
            return view(request, *args, **kwargs)

        limited.rate_limited_form = form_name  # type: ignore[attr-defined]  # read by the tests
        return limited

    return decorator
