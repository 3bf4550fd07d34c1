"""Districts, areas and languages are offered and listed the Turkish way (Bayındır before
Bayraklı, Çeşme after Buca), `position` first so "outside İzmir" and "online only" stay last.
The database's own order puts Bayraklı first (r < ı in code points) and Çeşme at the end."""

import html
import re

import pytest

from esit.core.turkish import sort_key
from esit.reference.models import Language, VolunteerArea
from tests import factories

from .test_reference_data import IZMIR_DISTRICTS

pytestmark = pytest.mark.django_db

IN_TURKISH_ORDER = [*sorted(IZMIR_DISTRICTS, key=sort_key), "İzmir dışı", "Yalnızca çevrim içi"]


def options(response, name: str) -> list[str]:
    """The labels of a select's options, in the order shown, without the empty choice."""
    body = response.content.decode()
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', body, flags=re.S)
    assert select, name
    return [
        html.unescape(label).strip()
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select[1])
        if value
    ]


def checkbox_labels(response, name: str) -> list[str]:
    body = response.content.decode()
    return [
        html.unescape(label).strip()
        for label in re.findall(rf'<input[^>]*name="{name}"[^>]*>\s*([^<]+)</label>', body)
    ]


def language_rows(response) -> list[str]:
    body = response.content.decode()
    return re.findall(r'<label for="id_language_[^"]+">([^<]+)</label>', body)


@pytest.fixture
def two_new_areas(db):
    """Two areas staff added at one position: only the alphabet can order them."""
    VolunteerArea.objects.create(name_tr="Dayanışma ağları", slug="solidarity", position=20)
    VolunteerArea.objects.create(name_tr="Çocuk hakları", slug="child-rights", position=20)


@pytest.fixture
def two_new_languages(db):
    Language.objects.create(name_tr="Darice", code="prs", position=30)
    Language.objects.create(name_tr="Çerkezce", code="kbd", position=30)


def test_the_districts_of_apply_are_in_turkish_alphabetical_order(client):
    names = options(client.get("/apply/"), "district")
    assert names == IN_TURKISH_ORDER
    assert names.index("Bayındır") < names.index("Bayraklı")
    assert names.index("Buca") + 1 == names.index("Çeşme")


def test_the_districts_of_the_profile_are_in_turkish_alphabetical_order(volunteer_client):
    assert options(volunteer_client.get("/me/profile/"), "district") == IN_TURKISH_ORDER


def test_the_districts_of_the_queue_filter_are_in_turkish_alphabetical_order(
    coordinator_client,
):
    assert options(coordinator_client.get("/staff/applications/"), "district") == (IN_TURKISH_ORDER)


def test_the_districts_in_english_keep_outside_and_online_last(client):
    client.cookies["esit_language"] = "en"
    names = options(client.get("/apply/"), "district")
    assert names[-2:] == ["Outside İzmir", "Online only"]
    assert names.index("Buca") + 1 == names.index("Çeşme")


def test_areas_of_one_position_are_offered_in_turkish_alphabetical_order(client, two_new_areas):
    labels = checkbox_labels(client.get("/apply/"), "areas")
    assert labels[-2:] == ["Çocuk hakları", "Dayanışma ağları"]
    assert labels[0] == "Tercüme"  # position first: staff keep their order


def test_languages_of_one_position_are_offered_in_turkish_alphabetical_order(
    client, two_new_languages
):
    rows = language_rows(client.get("/apply/"))
    assert rows[-2:] == ["Çerkezce", "Darice"]
    assert rows[0] == "Türkçe"


def test_the_profile_offers_languages_in_the_same_order(volunteer_client, two_new_languages):
    assert language_rows(volunteer_client.get("/me/profile/"))[-2:] == ["Çerkezce", "Darice"]


def test_the_queue_filter_offers_areas_in_turkish_alphabetical_order(
    coordinator_client, two_new_areas
):
    assert options(coordinator_client.get("/staff/applications/"), "area")[-2:] == [
        "Çocuk hakları",
        "Dayanışma ağları",
    ]


def _application_with_languages():
    """Languages named in another order than their positions (tr, ar, en)."""
    return factories.ApplicationFactory(
        languages=[(factories.language(code), "fluent") for code in ["en", "ar", "tr"]]
    )


def test_the_staff_page_lists_an_application_s_languages_in_order(coordinator_client):
    application = _application_with_languages()
    body = coordinator_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "Türkçe (İleri), Arapça (İleri), İngilizce (İleri)" in body


def test_the_queue_lists_an_application_s_languages_in_order(coordinator_client):
    _application_with_languages()
    body = coordinator_client.get("/staff/applications/").content.decode()
    assert "<td>Türkçe, Arapça, İngilizce</td>" in body


def test_the_status_page_lists_the_languages_in_order(client):
    application = _application_with_languages()
    body = client.get(f"/apply/status/{application.status_token}/").content.decode()
    assert "Türkçe (İleri), Arapça (İleri), İngilizce (İleri)" in body


def test_the_staff_page_lists_areas_of_one_position_in_turkish_order(
    coordinator_client, two_new_areas
):
    application = factories.ApplicationFactory(
        areas=[factories.area("solidarity"), factories.area("child-rights")]
    )
    body = coordinator_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "Çocuk hakları, Dayanışma ağları" in body


def test_the_dashboard_lists_a_volunteer_s_languages_in_turkish_order(
    volunteer_client, volunteer, two_new_languages
):
    for code in ("prs", "kbd"):
        volunteer.languages.create(language=factories.language(code), level="basic")
    body = volunteer_client.get("/me/").content.decode()
    assert "Çerkezce (Başlangıç), Darice (Başlangıç)" in body


def test_the_dashboard_lists_a_volunteer_s_areas_in_turkish_order(
    volunteer_client, volunteer, two_new_areas
):
    volunteer.areas.set([factories.area("solidarity"), factories.area("child-rights")])
    assert "Çocuk hakları, Dayanışma ağları" in volunteer_client.get("/me/").content.decode()
