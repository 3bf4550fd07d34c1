"""Markdown to safe HTML: markdown-it-py renders, nh3 (ammonia) keeps only what is allowed.

What the renderer produces, raw HTML typed into the Markdown included, passes through
nh3's allow-list: a <script> or <style> is removed with its content, other tags keep only
their text, and no event handler, `javascript:` or `data:` link survives; links get
`rel="noopener noreferrer"`. Images in the body are not rendered: the cover is the
announcement's one picture, and it has its alt text.
"""

import html as html_entities
from dataclasses import dataclass

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
_MARKDOWN.disable("image")

TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


@dataclass(frozen=True)
class Rendered:
    html: SafeString
    removed_markup: bool  # the text held HTML or a link we do not allow: the preview says so


def _has_markup(text: str) -> bool:
    lowered = text.lower()
    return "<" in text or "javascript:" in lowered or "vbscript:" in lowered or "data:" in lowered


def render(text: str) -> Rendered:
    rendered = _MARKDOWN.render(text or "")
    cleaned = _clean(rendered)
    removed = _has_markup(text or "") and cleaned != rendered
    return Rendered(html=mark_safe(cleaned), removed_markup=removed)  # noqa: S308 - nh3 cleaned it


def to_html(text: str) -> SafeString:
    return render(text).html


def plain_text(text: str) -> str:
    """The text without any markup, for e-mails, feeds' summaries and social posts."""
    stripped = nh3.clean(_MARKDOWN.render(text or ""), tags=set())
    return " ".join(html_entities.unescape(stripped).split())
