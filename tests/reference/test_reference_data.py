"""The data migration loads İzmir's lists; staff can extend them."""

import pytest
from django.utils import translation

from esit.core.turkish import sort_key
from esit.reference.models import District, Language, VolunteerArea, sorted_by_name

pytestmark = pytest.mark.django_db

IZMIR_DISTRICTS = {
    "Aliağa", "Balçova", "Bayındır", "Bayraklı", "Bergama", "Beydağ", "Bornova", "Buca",
    "Çeşme", "Çiğli", "Dikili", "Foça", "Gaziemir", "Güzelbahçe", "Karabağlar", "Karaburun",
    "Karşıyaka", "Kemalpaşa", "Kınık", "Kiraz", "Konak", "Menderes", "Menemen", "Narlıdere",
    "Ödemiş", "Seferihisar", "Selçuk", "Tire", "Torbalı", "Urla",
}  # fmt: skip


def test_the_thirty_districts_of_izmir_are_loaded_with_turkish_letters():
    names = set(
        District.objects.filter(kind=District.Kind.DISTRICT).values_list("name_tr", flat=True)
    )
    assert names == IZMIR_DISTRICTS


def test_outside_izmir_and_online_only_are_choices_too():
    assert District.objects.filter(kind=District.Kind.OUTSIDE).count() == 1
    assert District.objects.filter(kind=District.Kind.ONLINE).count() == 1


def test_the_nine_volunteer_areas_have_turkish_and_english_names():
    areas = dict(VolunteerArea.objects.values_list("name_tr", "name_en"))
    assert len(areas) == 9
    assert areas["Tercüme"] == "Translation"
    assert areas["Rehberlik"] == "Guidance and mentoring"
    assert all(areas.values())


def test_languages_include_kurdish_dialects_and_turkish_sign_language():
    codes = set(Language.objects.values_list("code", flat=True))
    assert {"tr", "kmr", "zza", "ar", "en", "fa", "de", "fr", "ru", "tid"} <= codes


def test_names_follow_the_active_language():
    area = VolunteerArea.objects.get(slug="translation")
    with translation.override("en"):
        assert area.name == "Translation"
    with translation.override("tr"):
        assert area.name == "Tercüme"


def test_districts_sort_in_turkish_alphabetical_order():
    districts = sorted_by_name(District.objects.filter(kind=District.Kind.DISTRICT))
    names = [d.name_tr for d in districts]
    assert names.index("Buca") < names.index("Çeşme") < names.index("Dikili")
    assert names.index("Kınık") < names.index("Kiraz")
    assert names == sorted(names, key=sort_key)


def test_an_administrator_adds_a_volunteer_area_that_appears_on_the_form(client, administrator):
    client.force_login(administrator)
    response = client.post(
        "/staff/admin/reference/volunteerarea/add/",
        {"name_tr": "Hukuki danışmanlık", "name_en": "Legal advice", "slug": "legal-advice",
         "is_active": "on", "position": "20"},
    )  # fmt: skip
    assert response.status_code == 302
    assert VolunteerArea.objects.filter(slug="legal-advice").exists()
    assert "Hukuki danışmanlık" in client.get("/apply/").content.decode()


def test_a_coordinator_adds_a_language(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/staff/admin/reference/language/add/",
        {"name_tr": "Gürcüce", "name_en": "Georgian", "code": "ka", "is_active": "on",
         "position": "30"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Language.objects.filter(code="ka", name_tr="Gürcüce").exists()


def test_an_inactive_area_is_not_offered_on_the_form(client):
    assert "Rehberlik" in client.get("/apply/").content.decode()
    VolunteerArea.objects.filter(slug="guidance").update(is_active=False)
    assert "Rehberlik" not in client.get("/apply/").content.decode()
