"""Open Graph tags: how a shared link previews (title, text, image) without base.html
knowing any app.

An app registers a function in `AppConfig.ready()` that reads the page's template context
and returns the page's `OpenGraph`, or None when the page is not its own; base.html
renders the first one found (`{% open_graph_tags %}`, esit/core/templatetags/open_graph.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class OpenGraph:
    title: str
    description: str
    url: str  # absolute, from SITE_URL
    image: str = ""  # absolute
    image_alt: str = ""
    type: str = "article"


_BUILDERS: list[Callable[[Any], OpenGraph | None]] = []


def register(builder: Callable[[Any], OpenGraph | None]) -> None:
    if builder not in _BUILDERS:
        _BUILDERS.append(builder)


def of_page(context) -> OpenGraph | None:
    for builder in _BUILDERS:
        found = builder(context)
        if found is not None:
            return found
    return None
