"""When the database does not answer: 503, "try again in a moment", and nothing typed is lost.

A database that restarts, fails over or refuses connections for a moment used to answer a
bare 500, and an applicant who had just filled in the long application form lost it all.
The 500 handler (`esit.core.views.server_error`) asks `outage_response` first: when the
exception being handled is the database's (`OperationalError`, `InterfaceError`: refused or
dropped connections, timeouts, a locked SQLite file), the answer is 503 with `Retry-After`
and a page rendered without the database (no session, no user, no context processors).

For a form post without files the page carries every posted field back as hidden inputs,
with a "Try again" button posting to the same address: the person presses it once the
database is back. Fields whose name contains "password" are never echoed (they are typed
again), and the CSRF token is a fresh one. Resending is safe where it matters: the
application form's one-time key turns a second submission into the first one's answer.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from esit.core.middleware import chosen_language

RETRY_AFTER_SECONDS = 30
DATABASE_OUTAGES = (OperationalError, InterfaceError)
NEVER_ECHOED = {"csrfmiddlewaretoken"}


def is_database_outage(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_OUTAGES)


def _posted(request) -> tuple[list[tuple[str, str]], bool, bool]:
    """The (name, value) pairs to post again, whether a password was left out, and whether
    files came with the post (they cannot ride along in a page)."""
    try:
        posted, files = request.POST, request.FILES
    except Exception:  # a body that cannot be read again has nothing to give back
        return [], False, False
    fields, password_left_out = [], False
    for name, values in posted.lists():
        if name in NEVER_ECHOED:
            continue
        if "password" in name.lower():
            password_left_out = True
            continue
        fields += [(name, value) for value in values]
    return fields, password_left_out, bool(files)


def outage_response(request) -> HttpResponse | None:
    """The 503 page when the exception being handled is a database outage, else None."""
    if not is_database_outage(sys.exception()):
        return None
    is_post = request.method == "POST"
    fields, password_left_out, has_files = _posted(request) if is_post else ([], False, False)
    language = chosen_language(request)
    with translation.override(language):
        html = render_to_string(
            "503.html",
            {
                "action": request.get_full_path(),
                "is_post": is_post,
                "send_again": is_post and not has_files,
                "fields": fields,
                "password_left_out": password_left_out,
                "csrf_token": get_token(request),
            },
        )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Content-Language"] = language
    add_never_cache_headers(response)  # it may hold what the person typed
    return response
