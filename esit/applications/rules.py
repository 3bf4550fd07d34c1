"""The rules of a volunteer application (/apply/), one function each.

The form's fields and the services (`submit_application`, `correct_application`) call these
same functions, so each rule and its translated message live in one place: the form only
adds the placing of the message next to its field, and a command, a task or a test that
calls a service directly meets the very same refusal with the very same words.

Every check raises `django.core.exceptions.ValidationError` with the message a person sees.
Lengths and required fields use Django's own validators and messages, which the form's
`max_length` and `required` use too, so both say the same thing.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esit.core import phones
from esit.core.email_address import normalise_email

from .models import age_on

NAME_MAX = 80
EMAIL_MAX = 254
TEXT_MAX = 2000
SELF_DESCRIPTION_MAX = 60
EARLIEST_BIRTH_YEAR = 1900

REQUIRED = forms.Field.default_error_messages["required"]
INVALID_DATE = forms.DateField.default_error_messages["invalid"]
INVALID_CHOICE = forms.ChoiceField.default_error_messages["invalid_choice"]
BIRTH_DATE_IN_FUTURE = _("Doğum tarihi gelecekte olamaz.")
BIRTH_DATE_TOO_EARLY = _("Lütfen doğum tarihinizi kontrol edin: 1900'den önce olamaz.")
ADULTS_ONLY = _(
    "Eşit İzmir gönüllü programı 18 yaşını doldurmuş yetişkinler içindir. "
    "18 yaşınızı doldurduğunuzda başvurmanızı bekleriz."
)
CONSENT_REQUIRED = _("Başvurunuzu alabilmemiz için açık rızanız gereklidir.")


def required(value) -> None:
    blank = isinstance(value, str) and not value.strip()
    if value is None or blank or value in ([], ()):
        raise ValidationError(REQUIRED, code="required")


def check_length(value: str, *, limit: int) -> None:
    MaxLengthValidator(limit)(value)


def clean_name(value: str) -> str:
    """A first or last name: required, at most 80 characters, stored without outer spaces."""
    value = (value or "").strip()
    required(value)
    check_length(value, limit=NAME_MAX)
    return value


def clean_text(value: str, *, limit: int = TEXT_MAX, is_required: bool = False) -> str:
    value = value or ""
    if is_required:
        required(value)
    check_length(value, limit=limit)
    return value


def clean_email(value: str) -> str:
    """A valid address of at most 254 characters, in the project's one stored form."""
    value = normalise_email(value or "")
    required(value)
    check_length(value, limit=EMAIL_MAX)
    validate_email(value)
    return value


def clean_phone(value: str) -> str:
    return phones.clean_turkish_mobile(value)


def programme_today() -> datetime.date:
    """Today in the programme's zone (Europe/Istanbul), whatever the server's clock zone or
    any time zone activated for the request."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


def check_birth_date(value: datetime.date) -> None:
    """Born between 1900 and today, and 18 or older today (docs/product.md, "Applications")."""
    today = programme_today()
    if value > today:
        raise ValidationError(BIRTH_DATE_IN_FUTURE, code="future")
    if value.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError(BIRTH_DATE_TOO_EARLY, code="too_old")
    if age_on(value, today) < settings.MINIMUM_VOLUNTEER_AGE:
        raise ValidationError(ADULTS_ONLY, code="under_age")


def clean_birth_date(value) -> datetime.date:
    """A date (or its ISO text, as a command may pass it) that passes `check_birth_date`."""
    required(value)
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(INVALID_DATE, code="invalid") from None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise ValidationError(INVALID_DATE, code="invalid")
    check_birth_date(value)
    return value


def check_consent(given: bool) -> None:
    """KVKK art. 5: no application is processed without the person's explicit consent."""
    if given is not True:
        raise ValidationError(CONSENT_REQUIRED, code="required")


def check_choice(value: str, choices) -> None:
    """An optional answer (`""`) or one of the enum's values."""
    if value != "" and value not in choices.values:
        raise ValidationError(INVALID_CHOICE, code="invalid_choice", params={"value": value})
