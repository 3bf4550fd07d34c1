"""CORS for reading the open-data API from any web page, and only for reading.

`Access-Control-Allow-Origin: *` on GET, HEAD and OPTIONS answers under /api/, and a
preflight (OPTIONS) answered here with the methods allowed. Not django-cors-headers: it can
be scoped to /api/ (`CORS_URLS_REGEX`), but it adds the origin header to the answers of every
method there, and the API is for reads only; a dozen lines say exactly that. No credentials
are allowed (the API reads no cookie).
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

READ_METHODS = ("GET", "HEAD", "OPTIONS")
PREFIX = "/api/"


class ReadOnlyCorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX) or request.method not in READ_METHODS:
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
            response["Access-Control-Allow-Headers"] = "If-None-Match, Accept"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Retry-After"
        return response
