"""The staff lists' filters (django-filter), read from the query string.

A value that is not valid is reported next to its field (`core/filter_errors.html`) and left
out; the other filters still apply (esit/core/filters.py).
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from esit.core.filters import DateRangeForm, DayFilter, SearchFilter
from esit.reference.filters import NamedChoiceFilter
from esit.reference.models import District

from .models import Activity, ActivityKind


class ActivityListForm(DateRangeForm):
    date_ranges = (("starts_from", "starts_to"),)


class ActivityListFilter(django_filters.FilterSet):
    """The staff planning list. The dates are days in İzmir: an activity is listed when it is
    still running on `starts_from` and starts by the end of `starts_to`."""

    q = SearchFilter(label=_("Başlıkta ara"))
    status = django_filters.ChoiceFilter(
        label=_("Durum"), choices=Activity.Status.choices, empty_label=_("Tüm durumlar")
    )
    kind = NamedChoiceFilter(
        label=_("Tür"), queryset=ActivityKind.objects.all(), empty_label=_("Tüm türler")
    )
    district = NamedChoiceFilter(
        label=_("İlçe"), queryset=District.objects.all(), empty_label=_("Tüm ilçeler")
    )
    starts_from = DayFilter(label=_("Tarih (başlangıç)"), field_name="ends_at", bound="from")
    starts_to = DayFilter(label=_("Tarih (bitiş)"), field_name="starts_at", bound="to")

    class Meta:
        model = Activity
        fields = []
        form = ActivityListForm
