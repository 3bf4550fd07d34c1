"""htmx requests, as django-htmx's middleware reads them (`request.htmx`)."""

from django.http import HttpRequest


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request that swaps part of the page; a history restore needs the whole page."""
    htmx = getattr(request, "htmx", None)
    if not htmx:
        return False
    return not htmx.history_restore_request
