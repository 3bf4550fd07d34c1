import re

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from esit.volunteers.models import Volunteer
from tests import factories

from .markup import error_next_to, input_tag, is_checked

PROFILE = "/me/profile/"


def _languages(volunteer):
    return {(known.language.code, known.level) for known in volunteer.languages.all()}


def test_profile_form_starts_from_the_profile(volunteer_client, multilingual_volunteer):
    response = volunteer_client.get(PROFILE)

    assert response.status_code == 200
    form = response.context["form"]
    digits = multilingual_volunteer.phone.removeprefix("+90")
    assert form["phone"].value() == f"0{digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    assert form["district"].value() == factories.district("konak").pk
    assert form["areas"].value() == [factories.area("translation").pk]
    assert form["availability"].value() == ["mon_morning", "mon_evening"]
    assert form["language_en"].value() == "fluent"
    assert form["language_ar"].value() == "intermediate"
    assert form["language_de"].value() is None


def test_profile_form_shows_the_phone_as_people_write_it(volunteer_client, volunteer):
    volunteer.phone = "+905321234567"
    volunteer.save(update_fields=["phone"])

    page = volunteer_client.get(PROFILE).content.decode()

    assert 'value="0532 123 45 67"' in input_tag(page, "phone")


def test_profile_form_is_accessible_markup(volunteer_client, volunteer):
    page = volunteer_client.get(PROFILE).content.decode()

    assert '<label for="id_phone">' in page
    assert "<legend>Gönüllü olmak istediğiniz alanlar" in page
    assert "<legend>Bildiğiniz diller ve düzeyiniz</legend>" in page
    assert "<legend>Haftalık uygunluk" in page
    assert 'aria-label="Salı Akşam"' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_saving_the_profile_updates_everything(
    volunteer_client, multilingual_volunteer, profile_data
):
    search_text = multilingual_volunteer.search_text

    response = volunteer_client.post(PROFILE, profile_data)

    assert response.status_code == 302
    assert response["Location"] == "/me/"
    volunteer = Volunteer.objects.get(pk=multilingual_volunteer.pk)
    assert volunteer.phone == "+905337654321"
    assert volunteer.district.slug == "bornova"
    assert {area.slug for area in volunteer.areas.all()} == {"workshops", "field-research"}
    assert _languages(volunteer) == {("de", "basic"), ("tr", "native")}
    # Tuesday evening is bit 3*1+2, Saturday morning bit 3*5+0.
    assert volunteer.availability == (1 << 5) | (1 << 15)
    assert volunteer.search_text == search_text


def test_saved_profile_shows_on_the_dashboard_with_a_confirmation(
    volunteer_client, volunteer, profile_data
):
    response = volunteer_client.post(PROFILE, profile_data, follow=True)

    page = response.content.decode()
    assert "Profiliniz güncellendi." in page
    assert "Bornova" in page
    assert "Almanca (Başlangıç)" in page
    assert "Atölye çalışmaları" in page


def test_volunteer_may_clear_languages_and_availability(
    volunteer_client, multilingual_volunteer, profile_data
):
    del profile_data["language_de"], profile_data["language_tr"], profile_data["availability"]

    volunteer_client.post(PROFILE, profile_data)

    volunteer = Volunteer.objects.get(pk=multilingual_volunteer.pk)
    assert _languages(volunteer) == set()
    assert volunteer.availability == 0


def _assert_unchanged(volunteer):
    fresh = Volunteer.objects.get(pk=volunteer.pk)
    assert fresh.phone == volunteer.phone
    assert fresh.district_id == volunteer.district_id
    assert fresh.availability == volunteer.availability
    assert {area.slug for area in fresh.areas.all()} == {"translation"}
    assert _languages(fresh) == {("en", "fluent"), ("ar", "intermediate")}


def test_a_landline_is_refused_next_to_the_field_and_nothing_changes(
    volunteer_client, multilingual_volunteer, profile_data
):
    profile_data["phone"] = "0232 293 12 00"

    response = volunteer_client.post(PROFILE, profile_data)

    assert response.status_code == 200
    page = response.content.decode()
    message = "Geçerli bir Türkiye cep telefonu numarası girin, örneğin 0532 123 45 67."
    assert error_next_to(page, "id_phone") == message
    assert 'class="error-summary"' in page
    assert f'<a href="#id_phone_group">Cep telefonu: {message}</a>' in page
    # What they typed is kept, all of it.
    assert 'value="0232 293 12 00"' in input_tag(page, "phone")
    bornova = factories.district("bornova").pk
    assert re.search(rf'<option value="{bornova}" selected>', page)
    assert is_checked(page, "availability", "tue_evening")
    assert not is_checked(page, "availability", "mon_morning")
    assert is_checked(page, "areas", str(factories.area("workshops").pk))
    assert not is_checked(page, "areas", str(factories.area("translation").pk))
    assert re.search(
        r'<select name="language_de"[^>]*>.*?<option value="basic" selected>', page, re.S
    )
    _assert_unchanged(multilingual_volunteer)


def test_no_area_is_refused(volunteer_client, multilingual_volunteer, profile_data):
    del profile_data["areas"]

    response = volunteer_client.post(PROFILE, profile_data)

    assert response.status_code == 200
    assert response.context["form"].errors["areas"] == ["En az bir gönüllülük alanı seçin."]
    assert 'value="0533 765 43 21"' in input_tag(response.content.decode(), "phone")
    _assert_unchanged(multilingual_volunteer)


def test_a_tampered_district_is_refused(volunteer_client, multilingual_volunteer, profile_data):
    profile_data["district"] = 999_999

    response = volunteer_client.post(PROFILE, profile_data)

    assert response.context["form"].errors["district"] == ["Lütfen listeden bir ilçe seçin."]
    _assert_unchanged(multilingual_volunteer)


def test_a_tampered_language_level_is_refused(
    volunteer_client, multilingual_volunteer, profile_data
):
    profile_data["language_de"] = "guru"

    response = volunteer_client.post(PROFILE, profile_data)

    assert response.status_code == 200
    assert "language_de" in response.context["form"].errors
    _assert_unchanged(multilingual_volunteer)


def test_a_tampered_availability_slot_is_refused(
    volunteer_client, multilingual_volunteer, profile_data
):
    profile_data["availability"] = ["someday_morning"]

    response = volunteer_client.post(PROFILE, profile_data)

    assert "availability" in response.context["form"].errors
    _assert_unchanged(multilingual_volunteer)


def test_errors_are_given_in_the_volunteers_language(
    volunteer_client, multilingual_volunteer, profile_data
):
    profile_data["phone"] = "12"
    volunteer_client.cookies["esit_language"] = "en"

    response = volunteer_client.post(PROFILE, profile_data, headers={"accept-language": "en"})

    with translation.override("en"):
        expected = str(
            _("Geçerli bir Türkiye cep telefonu numarası girin, örneğin 0532 123 45 67.")
        )
    assert response.context["form"].errors["phone"] == [expected]
    assert '<html lang="en">' in response.content.decode()


def test_missing_csrf_token_is_refused(client, volunteer, profile_data):
    client.handler.enforce_csrf_checks = True
    client.force_login(volunteer.user)

    response = client.post(PROFILE, profile_data)

    assert response.status_code == 403
    assert Volunteer.objects.get(pk=volunteer.pk).district.slug == "konak"


def test_withdrawn_volunteer_cannot_edit_the_profile(
    withdrawn_volunteer_client, withdrawn_volunteer, profile_data
):
    response = withdrawn_volunteer_client.post(PROFILE, profile_data, follow=True)

    assert response.redirect_chain == [("/me/", 302)]
    assert "Programdan ayrıldığınız için bu sayfa kullanılamıyor." in response.content.decode()
    assert Volunteer.objects.get(pk=withdrawn_volunteer.pk).district.slug == "konak"
