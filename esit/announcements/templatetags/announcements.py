from django import template

from esit.announcements import rendering

register = template.Library()


@register.filter
def markdown(text: str):
    """Markdown rendered and sanitised (esit/announcements/rendering.py)."""
    return rendering.to_html(text)
