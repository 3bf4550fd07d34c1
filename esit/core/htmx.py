"""htmx requests, as django-htmx's middleware reads them (`request.htmx`)."""


def wants_partial(request) -> bool:
    """An htmx request that swaps part of the page; a history restore needs the whole page."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request
