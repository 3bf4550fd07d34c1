"""/apply/ refuses bad input with a clear message next to the field and keeps what was typed."""

import datetime

import pytest
from django.test import Client

from esit.applications.models import Application
from esit.reference.models import VolunteerArea
from tests import factories

from .conftest import (
    APPLY_URL,
    THANKS_URL,
    assert_kept,
    eighteenth_birthday_today,
    field_error,
    input_value,
    textarea_value,
)
from .test_rules_of_the_form import ADULTS_ONLY, PHONE_ERROR

pytestmark = pytest.mark.django_db


def _refused(response):
    """The form came back (200, not a redirect) and nothing was stored."""
    assert response.status_code == 200
    assert Application.objects.count() == 0
    return response


# Age ---------------------------------------------------------------------


def test_applicant_under_18_is_refused_with_the_adults_only_message(client, valid_data):
    data = valid_data(
        birth_date=(eighteenth_birthday_today() + datetime.timedelta(days=1)).isoformat()
    )
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "birth_date") == ADULTS_ONLY
    assert_kept(response, data)


def test_applicant_whose_18th_birthday_is_today_is_accepted(client, valid_data):
    born = eighteenth_birthday_today()
    response = client.post(APPLY_URL, valid_data(birth_date=born.isoformat()))
    assert response.status_code == 302
    assert Application.objects.get().birth_date == born


def test_birth_date_in_the_future_is_refused(client, valid_data):
    data = valid_data(birth_date="2999-01-01")
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "birth_date") == "Doğum tarihi gelecekte olamaz."
    assert_kept(response, data)


def test_birth_date_before_1900_is_refused(client, valid_data):
    data = valid_data(birth_date="1899-12-31")
    response = _refused(client.post(APPLY_URL, data))
    assert "1900" in field_error(response, "birth_date")
    assert_kept(response, data)


# Phone -------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["0532 123 45 67", "+90 532 123 4567", "5321234567"])
def test_turkish_mobile_is_stored_in_e164(client, valid_data, typed):
    response = client.post(APPLY_URL, valid_data(phone=typed))
    assert response.status_code == 302
    assert Application.objects.get().phone == "+905321234567"


@pytest.mark.parametrize(
    "typed", ["0232 123 45 67", "+44 7911 123456", "beş üç iki", "0532 123 45"]
)
def test_phone_that_is_not_a_turkish_mobile_is_refused_next_to_the_phone(client, valid_data, typed):
    data = valid_data(phone=typed)
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "phone") == PHONE_ERROR
    assert input_value(response, "phone") == typed
    assert_kept(response, data)


# Consent -----------------------------------------------------------------


def test_application_without_consent_is_refused(client, valid_data):
    data = valid_data(consent=None)
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "consent") == (
        "Başvurunuzu alabilmemiz için açık rızanız gereklidir."
    )
    assert_kept(response, data)


# Lengths -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["first_name", "last_name"])
def test_name_longer_than_80_characters_is_refused(client, valid_data, name):
    data = valid_data(**{name: "Ş" * 81})
    response = _refused(client.post(APPLY_URL, data))
    assert "80" in field_error(response, name)
    assert_kept(response, data, except_fields=[name])


@pytest.mark.parametrize("name", ["first_name", "last_name"])
def test_name_of_exactly_80_characters_is_accepted(client, valid_data, name):
    response = client.post(APPLY_URL, valid_data(**{name: "Ş" * 80}))
    assert response.status_code == 302
    assert getattr(Application.objects.get(), name) == "Ş" * 80


@pytest.mark.parametrize("name", ["motivation", "experience"])
def test_text_longer_than_2000_characters_is_refused(client, valid_data, name):
    data = valid_data(**{name: "ğ" * 2001})
    response = _refused(client.post(APPLY_URL, data))
    assert "2000" in field_error(response, name)
    assert textarea_value(response, name) == "ğ" * 2001
    assert_kept(response, data, except_fields=[name])


@pytest.mark.parametrize("name", ["motivation", "experience"])
def test_text_of_exactly_2000_characters_is_accepted(client, valid_data, name):
    response = client.post(APPLY_URL, valid_data(**{name: "ğ" * 2000}))
    assert response.status_code == 302
    assert getattr(Application.objects.get(), name) == "ğ" * 2000


def test_self_description_longer_than_60_characters_is_refused(client, valid_data):
    data = valid_data(gender="self_described", gender_self_description="x" * 61)
    response = _refused(client.post(APPLY_URL, data))
    assert "60" in field_error(response, "gender_self_description")


# Required fields -----------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["first_name", "last_name", "email", "phone", "birth_date", "district", "motivation"]
)
def test_missing_required_field_is_refused_next_to_it(client, valid_data, name):
    data = valid_data(**{name: ""})
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, name)
    assert_kept(response, data, except_fields=[name])


def test_application_without_an_area_is_refused(client, valid_data):
    data = valid_data(areas=None)
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "areas") == "En az bir gönüllülük alanı seçin."
    assert_kept(response, data, except_fields=["areas"])


def test_invalid_email_address_is_refused(client, valid_data):
    data = valid_data(email="ayse@")
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "email")
    assert input_value(response, "email") == "ayse@"


# Tampered choices ----------------------------------------------------------


def test_unknown_district_id_is_refused(client, valid_data):
    data = valid_data(district="999999")
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "district") == "Lütfen listeden bir ilçe seçin."
    assert_kept(response, data, except_fields=["district"])


def test_district_id_that_is_not_a_number_is_refused(client, valid_data):
    response = _refused(client.post(APPLY_URL, valid_data(district="konak")))
    assert field_error(response, "district") == "Lütfen listeden bir ilçe seçin."


@pytest.mark.parametrize("tampered", ["999999", "translation", "1 OR 1=1"])
def test_unknown_area_id_is_refused(client, valid_data, tampered):
    data = valid_data(areas=[str(factories.area().pk), tampered])
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "areas") == "Lütfen listedeki alanlardan seçin."
    assert_kept(response, data, except_fields=["areas"])


def test_inactive_area_is_refused(client, valid_data):
    retired = factories.area("guidance")
    VolunteerArea.objects.filter(pk=retired.pk).update(is_active=False)
    data = valid_data(areas=[str(retired.pk)])
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "areas") == "Lütfen listedeki alanlardan seçin."


def test_availability_value_that_is_not_a_slot_is_refused(client, valid_data):
    data = valid_data(availability=["mon_morning", "mon_midnight"])
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "availability") == "Lütfen tablodaki gün ve saatlerden seçin."
    assert_kept(response, data, except_fields=["availability"])


def test_unknown_language_level_is_refused(client, valid_data):
    data = valid_data(language_en="expert")
    response = _refused(client.post(APPLY_URL, data))
    assert field_error(response, "language_en") == "Lütfen listedeki düzeylerden birini seçin."
    assert_kept(response, data, except_fields=["language_en"])


def test_unknown_gender_choice_is_refused(client, valid_data):
    response = _refused(client.post(APPLY_URL, valid_data(gender="robot")))
    assert "robot" in field_error(response, "gender")


# Security ------------------------------------------------------------------


def test_post_without_csrf_token_is_forbidden(valid_data):
    response = Client(enforce_csrf_checks=True).post(APPLY_URL, valid_data())
    assert response.status_code == 403
    assert Application.objects.count() == 0


def test_post_with_csrf_token_from_the_form_is_accepted(valid_data):
    browser = Client(enforce_csrf_checks=True)
    browser.get(APPLY_URL)
    token = browser.cookies["csrftoken"].value
    response = browser.post(APPLY_URL, valid_data(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert response.url == THANKS_URL
    assert Application.objects.count() == 1


@pytest.mark.parametrize("key", [None, "", "not-a-uuid"])
def test_missing_or_mangled_submission_key_does_not_block_the_application(client, valid_data, key):
    response = client.post(APPLY_URL, valid_data(submission_key=key))
    assert response.status_code == 302
    assert response.url == THANKS_URL
    assert Application.objects.count() == 1
