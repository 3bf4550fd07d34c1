from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request) -> str:
    """The language the visitor chose with the switcher, or Turkish."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    supported = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in supported else settings.LANGUAGE_CODE


class TurkishFirstLocaleMiddleware:
    """Speak Turkish unless the visitor chose English with the language switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so an
    English-configured phone in İzmir would land on an English site. The
    programme is Turkish first: only an explicit choice (the language cookie
    set by `set_language`) changes the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class PermissionsPolicyMiddleware:
    """Sends `Permissions-Policy` (settings.PERMISSIONS_POLICY): Django has no setting for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class UploadSizeMiddleware:
    """Refuses a form post whose body is larger than any upload the site takes
    (UPLOAD_REQUEST_MAX_BYTES), before anything reads it.

    Each form checks its own file's size (a resource, a delivery, a cover image), but only
    once Django has received the whole body and spooled its files to disk: without this, a
    body of gigabytes would be written to the server's temporary files first. The web server
    in front caps bodies too (README, "Production"); this holds where it does not. The page
    says the largest size the site takes; the browser's Back keeps what the person typed.
    It reads the declared Content-Length: under gunicorn (WSGI), a body without one is not
    read at all. Under ASGI Django has spooled the body before any middleware runs, so
    there only the proxy's cap holds.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and _declared_length(request) > settings.UPLOAD_REQUEST_MAX_BYTES
        ):
            # Answered without reading the body; the web server drops what was not read.
            return render(
                request,
                "core/upload_too_large.html",
                {"largest_mb": settings.UPLOAD_MAX_FILE_BYTES // (1024 * 1024)},
                status=413,
            )
        return self.get_response(request)


def _declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
