"""The staff lists' filters (django-filter), read from the query string.

A value that is not valid is reported next to its field (`core/filter_errors.html`) and left
out; the other filters still apply (esit/core/filters.py).
"""

import django_filters
from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from esit.core.dates import start_of_day
from esit.core.filters import DateRangeForm, DayFilter, SearchFilter
from esit.reference.filters import NamedChoiceFilter
from esit.reference.models import District, VolunteerArea

from .forms.work import DATE_FORMATS, DateInput
from .models import Activity, ActivityKind, HoursEntry
from .selectors import public

PUBLIC_DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]


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
        fields: list[str] = []
        form = ActivityListForm


class HoursQueueForm(DateRangeForm):
    date_ranges = (("date_from", "date_to"),)


class HoursQueueFilter(django_filters.FilterSet):
    """The hours queue. It is for review: without a status in the query string it shows the
    hours waiting for a decision; "all statuses" is the empty choice."""

    q = SearchFilter(label=_("Gönüllünün adı ya da e-postası"), column="volunteer__search_text")
    status = django_filters.ChoiceFilter(
        label=_("Durum"), choices=HoursEntry.Status.choices, empty_label=_("Tüm durumlar")
    )
    area = NamedChoiceFilter(
        label=_("Alan"),
        queryset=VolunteerArea.objects.all(),
        empty_label=_("Tüm alanlar"),
        error_messages={"invalid_choice": _("Lütfen listedeki alanlardan seçin.")},
    )
    date_from = django_filters.DateFilter(
        label=_("Çalışma tarihi (başlangıç)"),
        field_name="date",
        lookup_expr="gte",
        widget=DateInput,
        input_formats=DATE_FORMATS,
    )
    date_to = django_filters.DateFilter(
        label=_("Çalışma tarihi (bitiş)"),
        field_name="date",
        lookup_expr="lte",
        widget=DateInput,
        input_formats=DATE_FORMATS,
    )

    class Meta:
        model = HoursEntry
        fields: list[str] = []
        form = HoursQueueForm

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else QueryDict(mutable=True)
        if "status" not in data:
            data["status"] = HoursEntry.Status.PENDING
        super().__init__(data, *args, **kwargs)


class PublicListForm(DateRangeForm):
    date_ranges = (("date_from", "date_to"),)


class PublicActivityFilter(django_filters.FilterSet):
    """/activities/: upcoming activities (the default) or past ones, by kind, area, district
    and days in İzmir; the date range keeps activities that overlap it. Always bound (an
    empty query string is the default view), so the choice of upcoming or past always
    applies."""

    UPCOMING, PAST = "upcoming", "past"

    when = django_filters.ChoiceFilter(
        label=_("Zaman"),
        choices=[(UPCOMING, _("Yaklaşan etkinlikler")), (PAST, _("Geçmiş etkinlikler"))],
        method="_in_filter_queryset",
        error_messages={"invalid_choice": _("Lütfen listeden bir seçenek seçin.")},
    )
    kind = NamedChoiceFilter(
        label=_("Etkinlik türü"),
        queryset=ActivityKind.objects.filter(is_active=True),
        empty_label=_("Tüm türler"),
    )
    area = NamedChoiceFilter(
        label=_("Alan"),
        field_name="areas",
        queryset=VolunteerArea.objects.active(),
        empty_label=_("Tüm alanlar"),
    )
    district = NamedChoiceFilter(
        label=_("İlçe"), queryset=District.objects.active(), empty_label=_("Tüm ilçeler")
    )
    date_from = django_filters.DateFilter(
        label=_("Başlangıç tarihi"),
        method="_ending_after",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=PUBLIC_DATE_FORMATS,
        error_messages={"invalid": _("Tarihi GG.AA.YYYY biçiminde girin, örneğin 08.03.2026.")},
    )
    date_to = DayFilter(
        label=_("Bitiş tarihi"),
        field_name="starts_at",
        bound="to",
        input_formats=PUBLIC_DATE_FORMATS,
        error_messages={"invalid": _("Tarihi GG.AA.YYYY biçiminde girin, örneğin 08.03.2026.")},
    )

    class Meta:
        model = Activity
        fields: list[str] = []
        form = PublicListForm

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data if data is not None else QueryDict(), *args, **kwargs)

    @property
    def past(self) -> bool:
        self.errors  # noqa: B018 - validates the form, once
        return self.form.cleaned_data.get("when") == self.PAST

    def _in_filter_queryset(self, queryset, name, value):
        return queryset  # applied in filter_queryset, also when nothing is chosen

    def _ending_after(self, queryset, name, value):
        # An activity still running at the first minute of that day overlaps it.
        return queryset.filter(ends_at__gt=start_of_day(value))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("when") == self.PAST:
            return public.past(queryset)
        return public.upcoming(queryset)
