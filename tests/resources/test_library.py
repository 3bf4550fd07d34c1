"""Who sees which resources, the list's filters and its Turkish search."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from esit.moderation.services import hide_content
from esit.resources import selectors
from esit.resources.services import add_resource
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(coordinator):
    public = factories.resource(by=coordinator, title="Şiddetle mücadele rehberi")
    internal = factories.resource(
        by=coordinator, title="Gönüllü iç yönergesi", audience="volunteers"
    )
    return public, internal


def titles(response) -> list[str]:
    return [resource.title for resource in response.context["page_obj"]]


def test_visitors_see_public_resources_only(client, shelf):
    response = client.get(reverse("resources:list"))
    assert titles(response) == ["Şiddetle mücadele rehberi"]
    assert client.get(reverse("resources:detail", args=[shelf[1].pk])).status_code == 404


def test_volunteers_see_volunteers_only_resources_too(volunteer_client, shelf):
    response = volunteer_client.get(reverse("resources:list"))
    assert set(titles(response)) == {"Şiddetle mücadele rehberi", "Gönüllü iç yönergesi"}
    assert volunteer_client.get(reverse("resources:detail", args=[shelf[1].pk])).status_code == 200


def test_a_volunteer_who_left_sees_public_resources_only(client, shelf):
    gone = factories.VolunteerFactory(status="withdrawn")
    client.force_login(gone.user)
    assert titles(client.get(reverse("resources:list"))) == ["Şiddetle mücadele rehberi"]


def test_a_proposal_waiting_for_review_is_not_in_the_library(volunteer, client, shelf):
    proposal = add_resource(
        by=volunteer.user, title="Önerim", kind="link", url="https://example.org/oneri"
    )
    assert proposal.status == "pending"
    assert "Önerim" not in titles(client.get(reverse("resources:list")))


def test_hidden_resources_disappear_for_volunteers_at_once(volunteer_client, coordinator, shelf):
    public, _internal = shelf
    hide_content(moderator=coordinator, content=public, reason="spam")

    assert "Şiddetle mücadele rehberi" not in titles(
        volunteer_client.get(reverse("resources:list"))
    )
    assert volunteer_client.get(reverse("resources:detail", args=[public.pk])).status_code == 404


@pytest.mark.parametrize("query", ["şiddet", "ŞİDDET", "Şİddetle", "mücadele REHBERİ"])
def test_turkish_search_finds_titles_whatever_the_case_and_letters(client, shelf, query):
    response = client.get(reverse("resources:list"), {"q": query})
    assert titles(response) == ["Şiddetle mücadele rehberi"]


def test_search_finds_tags(client, coordinator):
    factories.resource(by=coordinator, title="Atölye kiti", tags="Eğitim, Kadın hakları")
    assert titles(client.get(reverse("resources:list"), {"q": "KADIN HAKLARI"})) == ["Atölye kiti"]
    assert titles(client.get(reverse("resources:list"), {"q": "EĞİTİM"})) == ["Atölye kiti"]


def test_filters_by_area_and_tag(client, coordinator):
    area = factories.area("translation")
    factories.resource(by=coordinator, title="Çeviri sözlüğü", areas=[area], tags="sözlük")
    factories.resource(by=coordinator, title="Başka bir kaynak", tags="afiş")
    assert titles(client.get(reverse("resources:list"), {"area": "translation"})) == [
        "Çeviri sözlüğü"
    ]
    assert titles(client.get(reverse("resources:list"), {"tag": "afis"})) == ["Başka bir kaynak"]


def test_the_list_is_paginated(client, coordinator):
    for number in range(selectors.PAGE_SIZE + 1):
        factories.resource(by=coordinator, title=f"Kaynak {number}")
    first = client.get(reverse("resources:list"))
    assert len(first.context["page_obj"]) == selectors.PAGE_SIZE
    assert len(client.get(reverse("resources:list"), {"page": 2}).context["page_obj"]) == 1


def test_a_description_is_rendered_through_the_sanitiser(client, coordinator):
    resource = factories.resource(
        by=coordinator, description="**Önemli** <script>alert(1)</script> [x](javascript:alert(1))"
    )
    page = client.get(reverse("resources:detail", args=[resource.pk])).content.decode()
    assert "<strong>Önemli</strong>" in page
    assert "<script>alert(1)" not in page
    assert 'href="javascript:' not in page


def test_each_resource_has_a_report_link_for_signed_in_people(volunteer_client, shelf):
    link = reverse("moderation:report", args=["resource", shelf[0].pk])
    assert (
        link
        in volunteer_client.get(reverse("resources:detail", args=[shelf[0].pk])).content.decode()
    )
    assert (
        link not in Client().get(reverse("resources:detail", args=[shelf[0].pk])).content.decode()
    )


def queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_library_costs_the_same_for_two_or_six_resources(client, coordinator):
    for number in range(2):
        factories.resource(by=coordinator, title=f"R{number}", tags="a, b")
    library = reverse("resources:list")
    few = queries(client, library)
    for number in range(4):
        factories.resource(by=coordinator, title=f"S{number}", tags="c")
    assert queries(client, library) == few


def test_moderators_still_open_a_hidden_resource_which_says_it_is_hidden(
    coordinator_client, coordinator, shelf
):
    public, _internal = shelf
    hide_content(moderator=coordinator, content=public, reason="spam")
    response = coordinator_client.get(reverse("resources:detail", args=[public.pk]))
    assert response.status_code == 200
    assert "Bu kaynak gizli" in response.content.decode()


def test_staff_without_a_second_factor_see_only_what_volunteers_see(
    client, coordinator_without_two_factor, coordinator, shelf
):
    public, _internal = shelf
    hide_content(moderator=coordinator, content=public, reason="spam")
    client.force_login(coordinator_without_two_factor)
    assert client.get(reverse("resources:detail", args=[public.pk])).status_code == 404
