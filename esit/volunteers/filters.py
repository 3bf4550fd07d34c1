"""The staff directory's filters and orderings (django-filter), read from the query string.

Work measures (attended yet, last active, approved hours in a period) come from the app that
records the work (esit/volunteers/directory.py); the hours column and the hours filter
count the period the coordinator chose, all time when she chose none.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esit.core import phones
from esit.core.encryption import lookup_hash
from esit.core.filters import SEARCH_MAX, DateRangeForm
from esit.core.search import matching
from esit.reference import availability
from esit.reference.filters import NamedChoiceFilter
from esit.reference.models import District, Language, LanguageLevel, VolunteerArea

from .directory import measures
from .models import Volunteer, VolunteerLanguage

# A level asked for is met by that level or a higher one.
LEVELS = [level for level, _label in LanguageLevel.choices]

LAST_ACTIVE = {
    "30": (True, 30),
    "90": (True, 90),
    "365": (True, 365),
    "not_90": (False, 90),
    "not_365": (False, 365),
}
LAST_ACTIVE_CHOICES = [
    ("30", _("Son 30 günde etkin")),
    ("90", _("Son 90 günde etkin")),
    ("365", _("Son bir yılda etkin")),
    ("not_90", _("90 gündür etkin değil")),
    ("not_365", _("Bir yıldır etkin değil")),
]

SORTS = {
    "name": ("name_key", "id"),
    "joined": ("-joined_at", "-id"),
    "joined_oldest": ("joined_at", "id"),
    "hours": (F("approved_hours").desc(), "name_key", "id"),
    "last_active": (F("last_active_on").desc(nulls_last=True), "name_key", "id"),
}
SORT_CHOICES = [
    ("name", _("Soyada göre (A–Z)")),
    ("joined", _("Katılım tarihi (en yeni önce)")),
    ("joined_oldest", _("Katılım tarihi (en eski önce)")),
    ("hours", _("Onaylı saat (en çok önce)")),
    ("last_active", _("Son etkinlik (en yakın önce)")),
]


class DirectoryForm(DateRangeForm):
    date_ranges = (("hours_from", "hours_to"),)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("level") and not cleaned.get("language"):
            self.add_error("level", _("Düzey için önce bir dil seçin."))
        return cleaned


class VolunteerFilter(django_filters.FilterSet):
    """What coordinators narrow and order the directory by, declared in the order the form
    shows them. Each filter on a related row is an Exists or a single-valued join, so no
    volunteer is listed twice."""

    q = django_filters.CharFilter(
        label=_("Ad, e-posta ya da telefon"),
        max_length=SEARCH_MAX,
        widget=forms.TextInput(attrs={"type": "search"}),
        method="search",
    )
    status = django_filters.ChoiceFilter(
        label=_("Durum"), choices=Volunteer.Status.choices, empty_label=_("Tüm durumlar")
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
        queryset=Language.objects.all(),
        empty_label=_("Tüm diller"),
        method="knows_language",
    )
    level = django_filters.ChoiceFilter(
        label=_("En az bu düzeyde"),
        choices=LanguageLevel.choices,
        empty_label=pgettext_lazy("language level", "Her düzey"),
        method="at_level",
    )
    slot = django_filters.ChoiceFilter(
        label=_("Uygun olduğu zaman"),
        choices=availability.slot_choices,
        empty_label=_("Her zaman"),
        method="available_at",
    )
    last_active = django_filters.ChoiceFilter(
        label=_("Son etkinlik"),
        choices=LAST_ACTIVE_CHOICES,
        empty_label=_("Ne zaman olursa"),
        method="active_within",
    )
    hours_from = django_filters.DateFilter(
        label=_("Saat dönemi (başlangıç)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        method="in_period",
    )
    hours_to = django_filters.DateFilter(
        label=_("Saat dönemi (bitiş)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        method="in_period",
    )
    hours_min = django_filters.NumberFilter(
        label=_("Dönemde en az onaylı saat"),
        min_value=0,
        max_value=100000,
        method="with_hours",
    )
    first_timers = django_filters.BooleanFilter(
        label=_("Henüz hiçbir vardiyaya katılmamış olanlar"),
        widget=forms.CheckboxInput,
        method="not_attended_yet",
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sıralama"), choices=SORT_CHOICES, empty_label=None, method="in_order"
    )

    class Meta:
        model = Volunteer
        fields: list[str] = []
        form = DirectoryForm

    def filter_queryset(self, queryset):
        """Add the work measures for the chosen period first, then filter, then order."""
        cleaned = self.form.cleaned_data
        work = measures()
        queryset = queryset.annotate(
            has_attended=work.attended(),
            last_active_on=work.last_active_on(),
            approved_hours=work.approved_hours(cleaned.get("hours_from"), cleaned.get("hours_to")),
        )
        queryset = super().filter_queryset(queryset)
        return queryset.order_by(*SORTS[cleaned.get("sort") or "name"])

    def search(self, queryset, name, value):
        number = phones.query_number(value)
        if number is not None:
            return queryset.filter(phone_hash=lookup_hash(number))
        return matching(queryset, value)

    def knows_language(self, queryset, name, value):
        level = self.form.cleaned_data.get("level")
        levels = LEVELS[LEVELS.index(level) :] if level else LEVELS
        return queryset.filter(
            Exists(
                VolunteerLanguage.objects.filter(
                    volunteer=OuterRef("pk"), language=value, level__in=levels
                )
            )
        )

    def at_level(self, queryset, name, value):
        return queryset  # read by knows_language, with the language it belongs to

    def available_at(self, queryset, name, value):
        bit = availability.to_mask([value])
        return queryset.alias(in_slot=F("availability").bitand(bit)).filter(in_slot=bit)

    def not_attended_yet(self, queryset, name, value):
        return queryset.filter(has_attended=False) if value else queryset

    def active_within(self, queryset, name, value):
        within, days = LAST_ACTIVE[value]
        since = timezone.localdate() - datetime.timedelta(days=days)
        if within:
            return queryset.filter(last_active_on__gte=since)
        return queryset.filter(Q(last_active_on__lt=since) | Q(last_active_on__isnull=True))

    def in_period(self, queryset, name, value):
        return queryset  # the period is counted by the hours annotation (filter_queryset)

    def with_hours(self, queryset, name, value):
        return queryset.filter(approved_hours__gte=value)

    def in_order(self, queryset, name, value):
        return queryset  # ordered last, in filter_queryset
