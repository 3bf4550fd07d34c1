"""The /ideas/ list's filters and sorting (django-filter), read from the query string.

A value that is not valid is reported next to its field and left out; the other filters still
apply (esit/core/filters.py). Search goes through the one search module (`selectors.search`).
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from esit.core.filters import SEARCH_MAX
from esit.reference.filters import NamedChoiceFilter
from esit.reference.models import District, VolunteerArea

from . import selectors
from .models import Idea

SORT_CHOICES = [
    ("newest", _("En yeni")),
    ("supported", _("En çok desteklenen")),
    ("active", _("Son hareketli")),
]


class IdeaFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Fikirlerde ara"),
        method="search",
        max_length=SEARCH_MAX,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    area = NamedChoiceFilter(
        label=_("Alan"), queryset=VolunteerArea.objects.all(), empty_label=_("Tüm alanlar")
    )
    district = NamedChoiceFilter(
        label=_("İlçe"), queryset=District.objects.all(), empty_label=_("Tüm ilçeler")
    )
    status = django_filters.ChoiceFilter(
        label=_("Durum"), choices=Idea.Status.choices, empty_label=_("Tüm durumlar")
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sıralama"),
        choices=SORT_CHOICES,
        empty_label=None,
        method="sort_by",
    )

    class Meta:
        model = Idea
        fields: list[str] = []

    def search(self, queryset, name, value):
        return selectors.search(queryset, value) if value else queryset

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*selectors.SORTS.get(value, selectors.SORTS["newest"]))
