"""Form fields for the reference lists (districts, areas, languages, kinds).

Every form that offers a reference list uses these fields, and they offer it in the
order people read it (`sorted_by_name`: position, then Turkish alphabetical order of the
name in the reader's language), so no form sorts on its own.
"""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from .models import sorted_by_name


class NameOrderIterator(ModelChoiceIterator):
    """The choices sorted when they are shown, so the names are in the reader's language."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in sorted_by_name(self.queryset):
            yield self.choice(row)


class NamedChoiceField(forms.ModelChoiceField):
    """A reference list shown by its name in the reader's language; tampered ids are reported."""

    iterator = NameOrderIterator
    default_error_messages = {"invalid_choice": _("Lütfen listeden bir seçenek seçin.")}

    def label_from_instance(self, obj):
        return obj.name


class NamedMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = NameOrderIterator
    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": _("Lütfen listedeki seçeneklerden seçin."),
        "invalid_pk_value": _("Lütfen listedeki seçeneklerden seçin."),
    }

    def label_from_instance(self, obj):
        return obj.name
