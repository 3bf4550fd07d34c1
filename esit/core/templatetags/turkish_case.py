"""`capfirst` that knows Turkish capitals, a builtin of every template (settings.TEMPLATES).

Registered as a builtin after Django's own, so `{{ name|capfirst }}` in our templates and
in the admin's gives "İlçeler", not "Ilçeler", when the page is in Turkish.
"""

from django import template
from django.template.defaultfilters import stringfilter

from esit.core import turkish

register = template.Library()


@register.filter(is_safe=True)
@stringfilter
def capfirst(value: str) -> str:
    return turkish.capfirst(value)
