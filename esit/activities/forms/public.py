"""Input parsing for the public activity pages: the list's filters and the registration form."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Participant

# Digits and the separators people type between them; nothing else is a phone number.
_PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().-]+$")
PHONE_MIN_DIGITS = 7
PHONE_MAX_DIGITS = 15  # E.164's longest number


class PhoneField(forms.CharField):
    """Any phone number (the public may live anywhere), stored as its digits with a leading +
    kept: `+90 532 123 45 67` becomes `+905321234567`."""

    widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})
    default_error_messages = {
        "invalid_phone": _(
            "Geçerli bir telefon numarası girin (7 ile 15 arasında rakam), "
            "örneğin 0532 123 45 67 ya da +49 30 1234567."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 25)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        digits = re.sub(r"\D", "", value)
        if not _PHONE_CHARACTERS.match(value) or not (
            PHONE_MIN_DIGITS <= len(digits) <= PHONE_MAX_DIGITS
        ):
            raise forms.ValidationError(self.error_messages["invalid_phone"], code="invalid_phone")
        return ("+" if value.startswith("+") else "") + digits


class ParticipantForm(forms.Form):
    name = forms.CharField(
        label=_("Ad soyad"),
        max_length=Participant._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Adınızı ve soyadınızı yazın.")},
    )
    email = forms.EmailField(
        label=_("E-posta"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Kayıt onayınızı ve iptal bağlantınızı bu adrese göndereceğiz."),
        error_messages={
            "required": _("E-posta adresinizi yazın."),
            "invalid": _("Geçerli bir e-posta adresi girin, örneğin ad@example.org."),
        },
    )
    phone = PhoneField(label=_("Telefon (isteğe bağlı)"), required=False)
    consent = forms.BooleanField(
        label=_("Aydınlatma metnini okudum; kişisel verilerimin işlenmesine açık rıza veriyorum."),
        error_messages={"required": _("Kaydınızı alabilmemiz için açık rızanız gereklidir.")},
    )
    # A field people never see: bots that fill every input reveal themselves here.
    website = forms.CharField(required=False, label=_("Bu alanı boş bırakın"))

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Adınızı ve soyadınızı yazın."), code="required")
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class CancelRegistrationForm(forms.Form):
    """Nothing to type: the button itself is the confirmation (the link is private)."""


class ParticipantAttendanceForm(forms.Form):
    """Staff record whether a participant came; the service decides when that is possible."""

    ATTENDED, NO_SHOW = "attended", "no_show"

    attendance = forms.ChoiceField(
        choices=[(ATTENDED, _("Katıldı")), (NO_SHOW, _("Gelmedi"))],
        error_messages={
            "required": _("Katıldı ya da gelmedi seçin."),
            "invalid_choice": _("Katıldı ya da gelmedi seçin."),
        },
    )

    @property
    def attended(self) -> bool:
        return self.cleaned_data["attendance"] == self.ATTENDED
