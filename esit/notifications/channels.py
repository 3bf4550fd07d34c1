"""How a delivery leaves: one class per channel. E-mail today; SMS is added by writing a
channel with the same two methods and registering it, nothing else changes."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage

from .models import Channel


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    headers: dict[str, str] = field(default_factory=dict)


class EmailChannel:
    name = Channel.EMAIL

    def address_of(self, user) -> str:
        return user.email if user is not None else ""

    def send(self, *, address: str, message: Message) -> None:
        EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + message.subject,
            body=message.body,
            to=[address],
            headers=message.headers,
        ).send()


_CHANNELS = {Channel.EMAIL: EmailChannel()}


def get(name: str):
    try:
        return _CHANNELS[name]
    except KeyError:
        raise LookupError(f"No channel {name!r} is configured.") from None


def register(channel) -> None:
    _CHANNELS[channel.name] = channel
