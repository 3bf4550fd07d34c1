"""django-filter filters for the reference lists, shown and sorted like the forms' fields."""

import django_filters

from .forms import NamedChoiceField


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    """A district, area, language… by its name in the reader's language, Turkish order."""

    field_class = NamedChoiceField
