"""Unit tests of the form's rules: phone numbers, birth dates and the adult-only rule."""

import datetime

import pytest
from django import forms
from django.utils import timezone

from esit.applications.forms.public import BirthDateField
from esit.applications.models import age_on
from esit.core.phones import normalise_turkish_mobile

from .conftest import eighteenth_birthday_today, years_ago

PHONE_ERROR = "Geçerli bir Türkiye cep telefonu numarası girin, örneğin 0532 123 45 67."
ADULTS_ONLY = (
    "Eşit İzmir gönüllü programı 18 yaşını doldurmuş yetişkinler içindir. "
    "18 yaşınızı doldurduğunuzda başvurmanızı bekleriz."
)


@pytest.mark.parametrize(
    "typed",
    [
        "0532 123 45 67",
        "+90 532 123 4567",
        "5321234567",
        "05321234567",
        "0 (532) 123-45-67",
        "0090 532 123 45 67",
    ],
)
def test_a_turkish_mobile_typed_any_usual_way_is_stored_in_e164(typed):
    assert normalise_turkish_mobile(typed) == "+905321234567"


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("0232 123 45 67", id="izmir-landline"),
        pytest.param("+90 850 123 45 67", id="non-geographic"),
        pytest.param("+44 7911 123456", id="foreign-mobile"),
        pytest.param("+49 151 23456789", id="german-mobile"),
        pytest.param("telefonum yok", id="letters"),
        pytest.param("0532 123 ABCD", id="letters-as-keypad-digits"),
        pytest.param("0532 123 45 67 ext. 12", id="extension"),
        pytest.param("0532 123 45", id="too-short"),
        pytest.param("0532 123 45 67 89", id="too-long"),
    ],
)
def test_a_phone_that_is_not_a_turkish_mobile_is_refused(typed):
    with pytest.raises(forms.ValidationError) as refused:
        normalise_turkish_mobile(typed)
    assert refused.value.messages == [PHONE_ERROR]


def test_age_counts_a_birthday_only_once_it_has_come():
    born = datetime.date(2008, 6, 15)
    assert age_on(born, datetime.date(2026, 6, 14)) == 17
    assert age_on(born, datetime.date(2026, 6, 15)) == 18


def test_a_29_february_birthday_comes_of_age_on_1_march_in_a_common_year():
    born = datetime.date(2008, 2, 29)
    assert age_on(born, datetime.date(2026, 2, 28)) == 17
    assert age_on(born, datetime.date(2026, 3, 1)) == 18


def _clean_birth_date(value):
    return BirthDateField().clean(value)


@pytest.mark.django_db
def test_the_18th_birthday_today_is_old_enough():
    born = eighteenth_birthday_today()
    assert _clean_birth_date(born.isoformat()) == born


@pytest.mark.django_db
def test_the_18th_birthday_tomorrow_is_refused_as_adults_only():
    born = eighteenth_birthday_today() + datetime.timedelta(days=1)
    with pytest.raises(forms.ValidationError) as refused:
        _clean_birth_date(born.isoformat())
    assert refused.value.messages == [ADULTS_ONLY]


# The age rule counts on the calendar of the programme's zone. Kiritimati (UTC+14) and
# Pago Pago (UTC−11) are 25 hours apart, so their calendar days differ at every moment:
# a birth date that is "18 today" in one is "18 tomorrow" in the other.


def test_the_programme_counts_days_in_istanbul(settings):
    assert settings.TIME_ZONE == "Europe/Istanbul"


def test_the_age_rule_uses_the_configured_zone_s_calendar_day(settings):
    settings.TIME_ZONE = "Pacific/Kiritimati"
    born = years_ago(timezone.localdate(), 18)
    assert _clean_birth_date(born) == born

    settings.TIME_ZONE = "Pacific/Pago_Pago"
    with pytest.raises(forms.ValidationError) as refused:
        _clean_birth_date(born)
    assert refused.value.messages == [ADULTS_ONLY]


def test_the_age_rule_ignores_a_time_zone_activated_for_the_request(settings):
    settings.TIME_ZONE = "Pacific/Kiritimati"
    born = years_ago(timezone.localdate(), 18)
    with timezone.override("Pacific/Pago_Pago"):
        assert _clean_birth_date(born) == born


def test_a_birth_date_in_the_future_is_refused():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(forms.ValidationError) as refused:
        _clean_birth_date(tomorrow)
    assert refused.value.messages == ["Doğum tarihi gelecekte olamaz."]


def test_a_birth_date_before_1900_is_refused():
    with pytest.raises(forms.ValidationError) as refused:
        _clean_birth_date("1899-12-31")
    assert refused.value.messages == ["Lütfen doğum tarihinizi kontrol edin: 1900'den önce olamaz."]


def test_a_birth_date_on_1_january_1900_is_accepted():
    assert _clean_birth_date("1900-01-01") == datetime.date(1900, 1, 1)


def test_a_birth_date_typed_the_turkish_way_is_understood():
    assert _clean_birth_date("17.05.1990") == datetime.date(1990, 5, 17)
