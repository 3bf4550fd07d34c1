"""The review queue's filters (django-filter), read from the query string."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core.filters import DateRangeForm, DayFilter, SearchFilter
from esit.reference.filters import NamedChoiceFilter
from esit.reference.models import District, Language, VolunteerArea

from .models import Application
from .selectors import AgeGroup, birth_year_range


class QueueForm(DateRangeForm):
    date_ranges = (("submitted_from", "submitted_to"),)


class QueueFilter(django_filters.FilterSet):
    """What coordinators narrow the queue by. An application names an area or a language at
    most once (the database guarantees it), so these joins never repeat a row."""

    q = SearchFilter(label=_("Ad, e-posta ya da telefon"), phone_hash="phone_hash")
    status = django_filters.ChoiceFilter(
        label=_("Durum"), choices=Application.Status.choices, empty_label=_("Tüm durumlar")
    )
    area = NamedChoiceFilter(
        label=_("Alan"),
        field_name="areas",
        queryset=VolunteerArea.objects.all(),
        empty_label=_("Tüm alanlar"),
    )
    district = NamedChoiceFilter(
        label=_("İlçe"), queryset=District.objects.all(), empty_label=_("Tüm ilçeler")
    )
    language = NamedChoiceFilter(
        label=_("Dil"),
        field_name="languages__language",
        queryset=Language.objects.all(),
        empty_label=_("Tüm diller"),
    )
    age_group = django_filters.ChoiceFilter(
        label=_("Yaş grubu"),
        choices=AgeGroup.choices,
        empty_label=_("Tüm yaşlar"),
        method="in_age_group",
    )
    submitted_from = DayFilter(
        label=_("Başvuru tarihi (başlangıç)"), field_name="submitted_at", bound="from"
    )
    submitted_to = DayFilter(
        label=_("Başvuru tarihi (bitiş)"), field_name="submitted_at", bound="to"
    )

    class Meta:
        model = Application
        fields: list[str] = []
        form = QueueForm

    def in_age_group(self, queryset, name, value):
        """The age reached this year in İzmir, from the clear birth year (an index)."""
        return queryset.filter(**birth_year_range(value, today=timezone.localdate()))
