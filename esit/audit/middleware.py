from .services import current_request


class AuditRequestMiddleware:
    """Lets `esit.audit.services.record()` know the client address of the request it is
    written in, so a service deep in a call does not need the request passed down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
