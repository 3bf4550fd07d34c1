"""The audit page's filters, read from the query string; a bad value is reported and ignored."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from esit.accounts.models import STAFF_ROLES

from . import actions
from .selectors import TrailFilters


class StaffMemberField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name() or obj.email} ({obj.email})"


class TrailFilterForm(forms.Form):
    person = forms.EmailField(
        label=_("İlgili kişinin e-posta adresi"),
        required=False,
        help_text=_("Başvuru, gönüllü ya da katılımcı kayıtlarındaki adres."),
    )
    actor = StaffMemberField(
        label=_("İşlemi yapan personel"),
        required=False,
        queryset=get_user_model().objects.none(),
        empty_label=_("Tüm personel"),
    )
    action = forms.ChoiceField(label=_("İşlem"), required=False)
    date_from = forms.DateField(
        label=_("Başlangıç tarihi"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("Bitiş tarihi"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    older_than = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = (
            get_user_model()
            .objects.filter(groups__name__in=STAFF_ROLES)
            .distinct()
            .order_by("first_name", "last_name", "email")
        )
        self.fields["action"].choices = [
            ("", _("Tüm işlemler")),
            *((action.key, action.label) for action in actions.all_actions()),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("Bitiş tarihi başlangıç tarihinden önce olamaz."))
        return cleaned

    def trail_filters(self) -> TrailFilters:
        if not self.is_bound:
            return TrailFilters()
        self.is_valid()
        data = self.cleaned_data
        return TrailFilters(
            person_email=data.get("person") or "",
            actor=data.get("actor"),
            action=data.get("action") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            older_than=data.get("older_than"),
        )
