"""`pages_shown`: a page's count of pages as the page prints it ("40+" past a capped count,
esit/core/pagination.py), for Django's Paginator and ours alike."""

from django import template

register = template.Library()


@register.filter
def pages_shown(page) -> str:
    paginator = page.paginator
    return str(getattr(paginator, "pages_shown", paginator.num_pages))
