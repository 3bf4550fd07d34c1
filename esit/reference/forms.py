"""Form fields for the reference lists (districts, areas, languages, kinds)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class NamedChoiceField(forms.ModelChoiceField):
    """A reference list shown by its name in the reader's language; tampered ids are reported."""

    default_error_messages = {"invalid_choice": _("Lütfen listeden bir seçenek seçin.")}

    def label_from_instance(self, obj):
        return obj.name


class NamedMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": _("Lütfen listedeki seçeneklerden seçin."),
        "invalid_pk_value": _("Lütfen listedeki seçeneklerden seçin."),
    }

    def label_from_instance(self, obj):
        return obj.name
