from django import template

from esit.core import markdown as rendering

register = template.Library()


@register.filter
def markdown(text: str):
    """Markdown rendered and sanitised (esit/core/markdown.py)."""
    return rendering.to_html(text)


@register.filter
def plain_text(text: str) -> str:
    """The Markdown's words without markup, for e-mails (autoescape is off there)."""
    return rendering.plain_text(text)
