from django.conf import settings
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
