"""Content versions: a token per kind of content, changed whenever that content changes.

A cached page or feed puts the versions it depends on into its cache key, so an edit makes
every copy built before it unreachable at once (the old entries expire with their timeout):
no list of keys to delete, and nothing to scan. A version is an opaque random token kept in
the cache without expiry; when it is missing (a fresh or flushed cache) a new one is drawn,
which is the same as "everything changed".

`bump()` changes the token now and again when the surrounding transaction commits: now, so
the request that made the change (and a test inside one transaction) never reads its own stale
copy; at the commit, so a page built by another request between the change and the commit,
from the data as it was, is not kept under the new token.
"""

import copy
import datetime
import hashlib
import math
import uuid
from collections.abc import Callable, Iterable
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, QueryDict

PREFIX = "esit:version:"


def _key(name: str) -> str:
    return PREFIX + name


def _token() -> str:
    return uuid.uuid4().hex[:16]


def version(name: str) -> str:
    """The current token of `name` (one cache read; a new token when there is none)."""
    key = _key(name)
    token = cache.get(key)
    if token is None:
        cache.add(key, _token(), timeout=None)
        token = cache.get(key) or _token()
    return str(token)


def versions(*names: str) -> str:
    """The tokens of several names in one cache read, joined for a cache key."""
    keys = [_key(name) for name in names]
    found = cache.get_many(keys)
    tokens = []
    for name, key in zip(names, keys, strict=True):
        token = found.get(key)
        tokens.append(str(token) if token is not None else version(name))
    return ".".join(tokens)


def bump_on_change(
    receiver: Callable[..., None], *models: type[Model], fields: Iterable[str] | None = None
) -> None:
    """Call `receiver` on every save and delete of `models` (Django's model signals): the
    receivers that bump the versions of what those rows show. Connected once, however often
    this is called.

    With `fields`, a save that names the fields it writes (`update_fields`) and none of
    `fields` among them (a status, a sign-in, a calendar token) calls nothing: under the
    database cache a bump is a write to one shared row, which every such save would wait on."""
    watched = frozenset(fields) if fields is not None else None

    def saved(sender, *, update_fields=None, **kwargs) -> None:
        if watched is None or update_fields is None or watched & set(update_fields):
            receiver(sender, update_fields=update_fields, **kwargs)

    for signal in (post_save, post_delete):
        for model in models:
            signal.connect(
                saved if signal is post_save else receiver,
                sender=model,
                # The wrapper lives as long as the connection (signals hold weak references).
                weak=False,
                dispatch_uid=f"esit.version.{receiver.__module__}.{receiver.__name__}."
                f"{model._meta.label}.{signal is post_save}.{sorted(watched or ())}",
            )


def _set(name: str) -> None:
    cache.set(_key(name), _token(), timeout=None)


def bump(*names: str) -> None:
    """Mark the content of each of `names` as changed (see the module's docstring)."""
    for name in names:
        _set(name)
    if transaction.get_connection().in_atomic_block:

        def again() -> None:
            for name in names:
                _set(name)

        transaction.on_commit(again)


_MISSING = object()


def seconds_until(moment: datetime.datetime, *, at_most: int, now: datetime.datetime) -> int:
    """A copy's timeout when what it shows changes at `moment` (an activity ends, a shift
    starts): the seconds left, at least one, and never more than `at_most`."""
    return max(1, min(at_most, math.ceil((moment - now).total_seconds())))


def cached[T](
    key: str, names: tuple[str, ...], build: Callable[[], T], *, timeout: int | Callable[[T], int]
) -> T:
    """`build()`'s value, kept under `key` and the current versions of `names`: built again as
    soon as one of them is bumped, or after `timeout` seconds (a function of the value built
    when what it shows stops being true at a moment of its own, such as a shift's end)."""
    full_key = f"esit:cached:{key}:{versions(*names)}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(full_key, value, timeout(value) if callable(timeout) else timeout)
    return value


def page_request(request: HttpRequest, names: Iterable[str]) -> HttpRequest:
    """The request as a cached page reads it: its query string holds only the parameters the
    page knows (`names`). Anything else (a campaign's tags, a typo, a string made up to fill
    the cache) makes no copy of its own, and the page's links, which keep the query
    (`{% querystring %}`), do not carry it on."""
    known = QueryDict(mutable=True)
    for name in sorted(set(names)):
        if values := request.GET.getlist(name):
            known.setlist(name, values)
    known._mutable = False
    narrowed = copy.copy(request)
    narrowed.GET = known  # type: ignore[assignment]  # read-only above, as Django makes its own
    return narrowed


def query_digest(request: HttpRequest) -> str:
    """The request's query string in a fixed order, hashed: the part of a cache key that tells
    one page of a list and one set of filters from another (their links keep the query).
    Given a `page_request`, so that only what the page reads tells copies apart."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    return hashlib.sha256(query.encode()).hexdigest()[:24]
