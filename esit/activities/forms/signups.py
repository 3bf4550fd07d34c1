"""Input for the sign-up pages: only parsing and messages, the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .planning import AssignTaskForm


class CheckInForm(forms.Form):
    """One field a handheld QR scanner can type into (it sends the code and Enter)."""

    code = forms.CharField(
        label=_("Gönüllü kodu"),
        max_length=40,
        help_text=_("Gönüllünün QR kodunu okutun ya da kodu yazıp Enter'a basın."),
        error_messages={"required": _("Gönüllünün kodunu okutun ya da yazın.")},
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )


class AddVolunteerForm(AssignTaskForm):
    """A coordinator adds a volunteer to a shift: the same choice and box as assigning a task."""

    OVERRIDE_LABEL = _("Gereksinimler karşılanmasa da ekle")
