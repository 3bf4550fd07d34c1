"""Whether a person wants an optional kind of message, and the one-click unsubscribe link.

Transactional kinds (a status link, an invitation to set a password, a sign-up
confirmation) are always sent: they are the service itself. Optional kinds are
on unless the person turned that kind off, or turned off every optional kind.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse

from . import kinds
from .models import Channel, Preference

UNSUBSCRIBE_SALT = "esit.notifications.unsubscribe"


def wants(user, kind_key: str, channel: str = Channel.EMAIL) -> bool:
    kind = kinds.get(kind_key)
    if not kind.optional:
        return True
    if user is None:
        return True
    rows = dict(
        Preference.objects.filter(
            user=user, channel=channel, kind__in=[kind_key, Preference.ALL_OPTIONAL]
        ).values_list("kind", "enabled")
    )
    if rows.get(Preference.ALL_OPTIONAL) is False:
        return False
    return rows.get(kind_key, True)


def choices_of(user, channel: str = Channel.EMAIL) -> dict[str, bool]:
    """Every optional kind and whether this person gets it (for the preferences page)."""
    rows = dict(
        Preference.objects.filter(user=user, channel=channel).values_list("kind", "enabled")
    )
    all_off = rows.get(Preference.ALL_OPTIONAL) is False
    return {kind.key: not all_off and rows.get(kind.key, True) for kind in kinds.optional_kinds()}


@dataclass(frozen=True)
class Choice:
    kind: kinds.Kind
    enabled: bool


def optional_choices(user, channel: str = Channel.EMAIL) -> list[Choice]:
    """The same as `choices_of`, with each kind's label and description, in the registry's
    order: what the preferences page and the /me/ summary show."""
    enabled = choices_of(user, channel)
    return [Choice(kind=kind, enabled=enabled[kind.key]) for kind in kinds.optional_kinds()]


def set_preference(*, user, kind_key: str, enabled: bool, channel: str = Channel.EMAIL) -> None:
    """Turn one optional kind on or off. Turning one on also lifts an "all off".

    Only what differs from the default is kept: turning a kind on removes its row.
    """
    if kind_key != Preference.ALL_OPTIONAL and not kinds.get(kind_key).optional:
        raise ValueError(f"{kind_key} cannot be turned off: it is part of the service.")
    with transaction.atomic():
        mine = Preference.objects.filter(user=user, channel=channel)
        if not enabled:
            Preference.objects.update_or_create(
                user=user, kind=kind_key, channel=channel, defaults={"enabled": False}
            )
            return
        # "All off" lifted (when this kind is on): every other kind keeps what it was before.
        mine.filter(kind__in=[kind_key, Preference.ALL_OPTIONAL]).delete()


def set_all_optional(*, user, enabled: bool, channel: str = Channel.EMAIL) -> None:
    """Every optional kind at once: a volunteer who leaves the programme gets none, and one
    who rejoins gets every one again, whatever she had turned off before she left."""
    with transaction.atomic():
        if enabled:
            Preference.objects.filter(user=user, channel=channel).delete()
        else:
            Preference.objects.update_or_create(
                user=user,
                kind=Preference.ALL_OPTIONAL,
                channel=channel,
                defaults={"enabled": False},
            )


def unsubscribe_token(user, kind_key: str) -> str:
    """Signed, without a date: the same link for the same person and kind, valid for good."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        {"u": user.pk, "k": kind_key}, compress=True
    )


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """(user id, kind) from a link's token; raises signing.BadSignature when tampered with."""
    payload = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    try:
        return int(payload["u"]), str(payload["k"])
    except (KeyError, TypeError, ValueError):
        raise signing.BadSignature("Malformed unsubscribe token.") from None


def unsubscribe_url(user, kind_key: str) -> str:
    return settings.SITE_URL + reverse(
        "notifications:unsubscribe", args=[unsubscribe_token(user, kind_key)]
    )
