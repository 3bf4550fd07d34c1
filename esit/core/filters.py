"""Filters the lists share, for django-filter's FilterSets.

A list's filters are read from the query string; a value that is not valid is
reported next to its field (`core/filter_errors.html`) and left out, while the
other filters still apply (django-filter filters with the valid values only).
"""

import datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from . import phones
from .dates import start_of_day
from .encryption import lookup_hash
from .search import matching

SEARCH_MAX = 100


class SearchFilter(django_filters.CharFilter):
    """Turkish-aware search over a folded column (esit/core/search.py). With `phone_hash`,
    a query that is a whole Turkish mobile number finds the rows whose encrypted phone is
    that number, through the keyed hash column of that name (esit/core/encryption.py)."""

    def __init__(self, *, column: str = "search_text", phone_hash: str = "", **kwargs):
        kwargs.setdefault("max_length", SEARCH_MAX)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(**kwargs)
        self.column = column
        self.phone_hash = phone_hash

    def filter(self, qs, value):
        if not value:
            return qs
        number = phones.query_number(value) if self.phone_hash else None
        if number is not None:
            return qs.filter(**{self.phone_hash: lookup_hash(number)})
        return matching(qs, value, column=self.column)


class DayFilter(django_filters.DateFilter):
    """One end of a range of days in İzmir on a moment (`submitted_at`): `bound` is "from"
    (that day and after) or "to" (up to the end of that day)."""

    def __init__(self, *, bound: str, **kwargs):
        if bound not in ("from", "to"):
            raise ValueError("bound is 'from' or 'to'")
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(**kwargs)
        self.bound = bound

    def filter(self, qs, value):
        if value is None:
            return qs
        if self.bound == "from":
            return qs.filter(**{f"{self.field_name}__gte": start_of_day(value)})
        next_day = start_of_day(value + datetime.timedelta(days=1))
        return qs.filter(**{f"{self.field_name}__lt": next_day})


class DateRangeForm(forms.Form):
    """A filter form whose `<prefix>_from` must not come after its `<prefix>_to`."""

    date_ranges: tuple[tuple[str, str], ...] = ()

    def clean(self):
        cleaned = super().clean()
        for start_name, end_name in self.date_ranges:
            start, end = cleaned.get(start_name), cleaned.get(end_name)
            if start and end and start > end:
                self.add_error(end_name, _("Bitiş tarihi başlangıç tarihinden önce olamaz."))
        return cleaned
