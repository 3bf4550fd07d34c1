"""The report's filters, read from the query string.

One plain form rather than a django-filter FilterSet: a FilterSet narrows one queryset, and
the report's figures come from six models, each filtered along its own path
(`selectors.ReportFilters`). It behaves like the lists' filters all the same: a value that
is not valid is reported next to its field and left out, while the other filters apply.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core.filters import DateRangeForm
from esit.reference.forms import NamedChoiceField
from esit.reference.models import District, PlanArea, VolunteerArea

from .selectors import ReportFilters


class DayField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {
        "invalid": _("Tarihi GG.AA.YYYY biçiminde girin, örneğin 14.03.2026."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d", "%d.%m.%Y"])
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class PlanAreaField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("Lütfen listeden bir seçenek seçin.")}

    def label_from_instance(self, obj):
        return f"{obj.code} {obj.name}".strip()


class ReportFilterForm(DateRangeForm):
    date_ranges = (("start", "end"),)

    start = DayField(label=_("Başlangıç tarihi"))
    end = DayField(label=_("Bitiş tarihi"))
    area = NamedChoiceField(
        label=_("Alan"),
        queryset=VolunteerArea.objects.all(),
        required=False,
        empty_label=_("Tüm alanlar"),
    )
    district = NamedChoiceField(
        label=_("İlçe"),
        queryset=District.objects.all(),
        required=False,
        empty_label=_("Tüm ilçeler"),
    )
    plan_area = PlanAreaField(
        label=_("Eşitlik planı alanı"),
        queryset=PlanArea.objects.order_by("position", "pk"),
        required=False,
        empty_label=_("Tüm plan alanları"),
        help_text=_("Etkinliklere ve içlerindeki işlere uygulanır."),
    )

    def report_filters(self) -> ReportFilters:
        """The valid filters (an invalid one is left out, and its error shown)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        start: datetime.date | None = data.get("start")
        end: datetime.date | None = data.get("end")
        if "end" in self.errors:
            end = None
        return ReportFilters(
            start=start,
            end=end,
            area_id=data["area"].pk if data.get("area") else None,
            district_id=data["district"].pk if data.get("district") else None,
            plan_area_id=data["plan_area"].pk if data.get("plan_area") else None,
        )


FIRST_YEAR = 2024  # the programme's first year on the platform


class AnnualReportForm(forms.Form):
    """The year and language of the annual impact report."""

    year = forms.TypedChoiceField(label=_("Yıl"), coerce=int, choices=())
    language = forms.ChoiceField(
        label=_("Dil"), choices=[("tr", "Türkçe"), ("en", "English")], initial="tr"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        years = range(this_year, FIRST_YEAR - 1, -1)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["year"].initial = this_year
        self.fields["year"].error_messages["invalid_choice"] = _("Listeden bir yıl seçin.")
        self.fields["language"].error_messages["invalid_choice"] = _("Listeden bir dil seçin.")
