"""How long an answer of the API may be kept: `public, max-age=OPEN_DATA_CACHE_SECONDS`."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control


def public_cache(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark the answer as public data any cache may keep for a few minutes (the ETag and the
    304 are the project's ConditionalGetMiddleware's)."""

    @wraps(view)
    def cached(*args: Any, **kwargs: Any) -> HttpResponse:
        response = view(*args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.OPEN_DATA_CACHE_SECONDS)
        return response

    return cached
