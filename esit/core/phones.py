"""Phone numbers: the one place that reads, checks and shows them.

Volunteers and applicants give a Turkish mobile number (the programme reaches them
by SMS-capable mobiles), stored in E.164 (`+905321234567`). Members of the public
who register for a workshop may live anywhere: any number of 7 to 15 digits, kept
as its digits with a leading `+`. Both are typed the way people type them; letters
are refused, although libphonenumber would read "0532 123 ABCD" as a keypad
spelling or drop "ext. 12" silently: what is stored must be what the person meant.
"""

import re

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Digits and the separators people type between them; nothing else is a phone number.
_PHONE_CHARACTERS = re.compile(r"^[\d\s+()./-]+$")
ANY_MIN_DIGITS = 7
ANY_MAX_DIGITS = 15  # E.164's longest number
TYPED_MAX = 25

MOBILE_INVALID = _("Geçerli bir Türkiye cep telefonu numarası girin, örneğin 0532 123 45 67.")
ANY_INVALID = _(
    "Geçerli bir telefon numarası girin (7 ile 15 arasında rakam), "
    "örneğin 0532 123 45 67 ya da +49 30 1234567."
)


def normalise_turkish_mobile(raw: str) -> str:
    """A Turkish mobile number in E.164 (+905321234567), or ValidationError.

    Accepts `0532 123 45 67`, `+90 532 123 4567`, `5321234567`; refuses landlines,
    foreign numbers and letters.
    """
    error = ValidationError(MOBILE_INVALID, code="invalid_phone")
    if not isinstance(raw, str) or not _PHONE_CHARACTERS.match(raw):
        raise error
    try:
        number = phonenumbers.parse(raw, "TR")
    except phonenumbers.NumberParseException:
        raise error from None
    if number.country_code != 90 or not phonenumbers.is_valid_number(number):
        raise error
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        raise error
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def clean_turkish_mobile(value: str) -> str:
    """A required Turkish mobile number, as the volunteer-details rules ask."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(forms.Field.default_error_messages["required"], code="required")
    return normalise_turkish_mobile(value)


def normalise_any_phone(raw: str) -> str:
    """Any number of 7 to 15 digits, kept as its digits with a leading + when typed with one."""
    error = ValidationError(ANY_INVALID, code="invalid_phone")
    if not isinstance(raw, str) or not _PHONE_CHARACTERS.match(raw):
        raise error
    digits = re.sub(r"\D", "", raw)
    if not ANY_MIN_DIGITS <= len(digits) <= ANY_MAX_DIGITS:
        raise error
    return ("+" if raw.strip().startswith("+") else "") + digits


def query_number(text: str) -> str | None:
    """The E.164 form of a whole Turkish mobile number typed into a search box ("0532 123 45
    67", "+90 532…"), or None when the query is not one. Phones are encrypted at rest, so
    searches find an exact number through its keyed hash, never a part of one."""
    try:
        return normalise_turkish_mobile((text or "").strip())
    except ValidationError:
        return None


def national(stored: str) -> str:
    """A stored E.164 number the way people write it in Türkiye: 0532 123 45 67."""
    try:
        number = phonenumbers.parse(stored, "TR")
    except phonenumbers.NumberParseException:
        return stored
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


class PhoneField(forms.CharField):
    """The phone field of every form: a Turkish mobile by default, any number with
    `turkish_mobile=False` (the public's registration)."""

    widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})

    def __init__(self, *, turkish_mobile: bool = True, **kwargs):
        kwargs.setdefault("max_length", TYPED_MAX)
        super().__init__(**kwargs)
        self.normalise = normalise_turkish_mobile if turkish_mobile else normalise_any_phone

    def clean(self, value):
        value = super().clean(value)
        return self.normalise(value) if value else ""
