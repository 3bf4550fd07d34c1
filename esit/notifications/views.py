"""One-click unsubscribe (RFC 8058) and the plain link behind it."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from esit.core.rate_limits import limit_posts

from . import kinds, preferences


def _target(token: str):
    try:
        user_id, kind_key = preferences.read_unsubscribe_token(token)
        kind = kinds.get(kind_key)
    except (signing.BadSignature, LookupError):
        raise Http404 from None
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not kind.optional:
        raise Http404
    return user, kind


@never_cache
@csrf_exempt  # mail programs post here on their own (RFC 8058); the signed token is the key
@require_http_methods(["GET", "POST"])
@limit_posts("unsubscribe", rate_setting="UNSUBSCRIBE_RATE_LIMIT")
def unsubscribe(request, token: str):
    """GET shows one button, so a link scanner unsubscribes nobody; POST turns the kind off."""
    user, kind = _target(token)
    done = request.method == "POST"
    if done:
        preferences.set_preference(user=user, kind_key=kind.key, enabled=False)
    response = render(
        request, "notifications/unsubscribe.html", {"kind": kind, "done": done, "token": token}
    )
    response.headers["X-Robots-Tag"] = "noindex"
    return response
