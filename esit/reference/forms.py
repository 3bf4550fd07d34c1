"""Form fields for the reference lists (districts, areas, languages, kinds).

Every form that offers a reference list uses these fields, and they offer it in the
order people read it (`sorted_by_name`: position, then Turkish alphabetical order of the
name in the reader's language), so no form sorts on its own.
"""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from . import availability, rules
from .models import LanguageLevel, sorted_by_name


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


class AvailabilityWidget(forms.CheckboxSelectMultiple):
    template_name = "reference/widgets/availability.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = set(value or [])
        context["widget"]["days"] = [
            (
                day_label,
                [
                    (f"{day}_{part}", part_label, f"{day}_{part}" in chosen)
                    for part, part_label in availability.PARTS
                ],
            )
            for day, day_label in availability.DAYS
        ]
        context["widget"]["parts"] = [label for _part, label in availability.PARTS]
        return context


class AvailabilityField(forms.MultipleChoiceField):
    widget = AvailabilityWidget
    default_error_messages = {"invalid_choice": rules.AVAILABILITY_UNKNOWN}

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", availability.slot_choices)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class DistrictField(NamedChoiceField):
    default_error_messages = {"invalid_choice": rules.DISTRICT_UNKNOWN}

    def validate(self, value):
        super().validate(value)
        if value is not None:
            rules.check_district(value)


class AreasField(NamedMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": rules.AREA_UNKNOWN,
        "invalid_pk_value": rules.AREA_UNKNOWN,
        "required": rules.AREA_REQUIRED,
    }

    def clean(self, value):
        areas = super().clean(value)
        rules.check_areas(areas)  # evaluates the queryset once; the service reads its cache
        return areas


class LevelField(forms.ChoiceField):
    """How well someone knows one language; empty when they do not know it."""

    default_error_messages = {"invalid_choice": rules.LEVEL_UNKNOWN}

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", [("", _("Bilmiyorum")), *LanguageLevel.choices])
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value:
            rules.check_level(value)


class PlanGoalsField(forms.ModelMultipleChoiceField):
    """The equality plan's goals in the plan's own order (area, then goal), with their codes:
    the order of the printed plan, not the alphabet."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = NamedMultipleChoiceField.default_error_messages

    def __init__(self, **kwargs):
        from .models import PlanGoal

        kwargs.setdefault("queryset", PlanGoal.objects.active().select_related("area"))
        super().__init__(**kwargs)

    def label_from_instance(self, obj):
        return obj.label
