"""django-filter filters for the reference lists, shown and sorted like the forms' fields."""

import hashlib

import django_filters
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from esit.core import versions

from .forms import NamedChoiceField
from .versions import REFERENCE_VERSION


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    """A district, area, language… by its name in the reader's language, Turkish order."""

    field_class = NamedChoiceField


# A rendered filter form is kept this long at most, also when no reference row changes.
FILTER_FIELDS_CACHE_SECONDS = 600


def rendered_fields(request, form):
    """The filter form's fields, in its order, kept per form, language and full
    query string (which decide the values shown and the errors) under the reference lists'
    version (their choices), so a list page does not rebuild some 200 options per request.
    The form is a GET form: no CSRF token and nothing of the reader's is inside. Returned as a
    callable, so a partial (htmx) response that does not show the form does not render it."""

    def render() -> str:
        shown = request.GET.copy()
        shown.pop("page", None)  # every page of a list shows the same form
        query = hashlib.sha256(shown.urlencode().encode()).hexdigest()
        key = f"filter-fields:{type(form).__qualname__}:{get_language()}:{query}"
        html = versions.cached(
            key,
            (REFERENCE_VERSION,),
            lambda: str(render_to_string("core/filter_fields.html", {"filter_form": form})),
            timeout=FILTER_FIELDS_CACHE_SECONDS,
        )
        return mark_safe(html)  # noqa: S308 - our own template's output, escaped when rendered

    return render
