"""The matches page's filters and the bulk invitation's selection."""

from django import forms
from django.utils.translation import gettext_lazy as _

from esit.activities.models import Shift, Task
from esit.reference.forms import NamedChoiceField
from esit.reference.models import District, Language, VolunteerArea

from .selectors import Filters


class MatchFilterForm(forms.Form):
    area = NamedChoiceField(
        label=_("Alan"),
        queryset=VolunteerArea.objects.active(),
        required=False,
        empty_label=_("Tüm alanlar"),
    )
    district = NamedChoiceField(
        label=_("İlçe"),
        queryset=District.objects.active(),
        required=False,
        empty_label=_("Tüm ilçeler"),
    )
    language = NamedChoiceField(
        label=_("Dil"),
        queryset=Language.objects.active(),
        required=False,
        empty_label=_("Tüm diller"),
    )
    first_timers = forms.BooleanField(label=_("Yalnızca ilk kez katılacaklar"), required=False)

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            area=data["area"],
            district=data["district"],
            language_id=data["language"].pk if data["language"] else None,
            first_timers=data["first_timers"],
        )


class InviteForm(forms.Form):
    """The volunteers ticked on the ranked list; the service checks each one again."""

    volunteers = forms.Field(
        label=_("Davet edilecek gönüllüler"),
        error_messages={"required": _("Davet etmek için en az bir gönüllü seçin.")},
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_volunteers(self) -> list[int]:
        values = self.cleaned_data["volunteers"]
        try:
            return sorted({int(value) for value in values})
        except (TypeError, ValueError):
            raise forms.ValidationError(
                _("Lütfen listedeki gönüllülerden seçin."), code="invalid"
            ) from None


class DismissForm(forms.Form):
    """ "Not interested" in one shift or one task of her recommendations."""

    shift = forms.ModelChoiceField(queryset=Shift.objects.all(), required=False)
    task = forms.ModelChoiceField(queryset=Task.objects.all(), required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("shift")) == bool(data.get("task")):
            raise forms.ValidationError(_("Bir vardiya ya da bir görev seçin."))
        return data
