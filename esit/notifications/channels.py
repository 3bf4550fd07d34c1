"""How a delivery leaves: one class per channel. E-mail today; SMS is added by writing a
channel with the same two methods and registering it, nothing else changes."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.core.mail import EmailMessage

from .models import Channel

if TYPE_CHECKING:
    # The account model as django-stubs resolves it (accounts sits above notifications).
    from django.contrib.auth.models import _User as User


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    headers: dict[str, str] = field(default_factory=dict)


class DeliveryChannel(Protocol):
    """What a channel is: its name (a `Channel`), a person's address in it, and a send."""

    name: str

    def address_of(self, user: "User | None") -> str: ...

    def send(self, *, address: str, message: Message) -> None: ...


class EmailChannel:
    name: str = Channel.EMAIL

    def address_of(self, user: "User | None") -> str:
        return user.email if user is not None else ""

    def send(self, *, address: str, message: Message) -> None:
        EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + message.subject,
            body=message.body,
            to=[address],
            headers=message.headers,
        ).send()


_CHANNELS: dict[str, DeliveryChannel] = {Channel.EMAIL: EmailChannel()}


def get(name: str) -> DeliveryChannel:
    try:
        return _CHANNELS[name]
    except KeyError:
        raise LookupError(f"No channel {name!r} is configured.") from None


def register(channel: DeliveryChannel) -> None:
    _CHANNELS[channel.name] = channel
