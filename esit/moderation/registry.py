"""The kinds of content people can report, declared by the apps that own them.

An app above moderation (community, resources) registers each model that inherits
`Moderated` in its AppConfig.ready():

    registry.register(Idea, kind="idea", label=_("fikir"),
                      author=lambda idea: idea.author, url=lambda idea: idea.get_absolute_url(),
                      title=lambda idea: idea.title)

`kind` is the short name in addresses (`/report/idea/12/`) and in the queue's filter.
`visible_to(content, user)` says whether a person may see the content where it lives (and so
report it); by default everything not hidden. Resources pass their audience rule.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.functional import Promise

from .models import Moderated


@dataclass(frozen=True)
class ContentKind:
    kind: str
    model: type[Moderated]
    label: str | Promise
    author: Callable[[Any], Any]  # the account that wrote it, or None
    url: Callable[[Any], str]  # where a moderator sees it in its place
    title: Callable[[Any], str]  # a short text for the queue
    visible_to: Callable[[Any, Any], bool]  # (content, user): may she see it, and report it
    select_related: tuple[str, ...] = ()  # what `author` and `title` read, loaded with the rows


def _not_hidden(content: Any, user: Any) -> bool:
    return not content.is_hidden


_KINDS: dict[str, ContentKind] = {}


def register(
    model: type[Moderated],
    *,
    kind: str,
    label: str | Promise,
    author: Callable[[Any], Any],
    url: Callable[[Any], str],
    title: Callable[[Any], str],
    visible_to: Callable[[Any, Any], bool] = _not_hidden,
    select_related: tuple[str, ...] = (),
) -> ContentKind:
    if not issubclass(model, Moderated):
        raise TypeError(f"{model.__name__} must inherit esit.moderation.models.Moderated.")
    existing = _KINDS.get(kind)
    if existing is not None and existing.model is not model:
        raise ValueError(f"Content kind {kind!r} is already registered for {existing.model}.")
    content_kind = ContentKind(
        kind=kind,
        model=model,
        label=label,
        author=author,
        url=url,
        title=title,
        visible_to=visible_to,
        select_related=select_related,
    )
    _KINDS[kind] = content_kind
    return content_kind


def get(kind: str) -> ContentKind:
    """The kind by its short name; LookupError when nobody registered it."""
    try:
        return _KINDS[kind]
    except KeyError:
        raise LookupError(kind) from None


def unregister(kind: str) -> None:
    """For tests that register a kind of their own."""
    _KINDS.pop(kind, None)


def of(content: models.Model) -> ContentKind:
    for content_kind in _KINDS.values():
        if isinstance(content, content_kind.model):
            return content_kind
    raise LookupError(type(content).__name__)


def all_kinds() -> list[ContentKind]:
    return sorted(_KINDS.values(), key=lambda content_kind: content_kind.kind)
