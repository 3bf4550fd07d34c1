"""Posting and reading ideas: sanitised Markdown, Turkish search, sorting and filters."""

import pytest
from django.urls import reverse

from esit.community import selectors, services
from esit.community.models import BODY_MAX, Idea
from tests import factories
from tests.community.conftest import make_idea

pytestmark = pytest.mark.django_db


def test_a_volunteer_posts_an_idea(volunteer_client, volunteer):
    response = volunteer_client.post(
        reverse("community:new"),
        {
            "title": "Kadın kooperatifleri pazarı",
            "body": "Her ay *bir ilçede* kooperatif pazarı.",
            "area": factories.area().pk,
            "district": factories.district("karsiyaka").pk,
        },
    )

    idea = Idea.objects.get(title="Kadın kooperatifleri pazarı")
    assert response.status_code == 302
    assert response["Location"] == idea.get_absolute_url()
    assert idea.author == volunteer.user
    assert idea.status == Idea.Status.NEW
    page = volunteer_client.get(idea.get_absolute_url()).content.decode()
    assert "<em>bir ilçede</em>" in page


def test_bad_input_is_refused_next_to_the_field_and_kept(volunteer_client):
    response = volunteer_client.post(
        reverse("community:new"), {"title": "", "body": "x" * (BODY_MAX + 1), "area": "999999"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Fikrinize bir başlık verin." in page
    assert 'id="id_title_error"' in page
    assert 'aria-describedby="id_title_error"' in page
    assert "Lütfen listeden bir seçenek seçin." in page
    assert 'id="id_area_error"' in page
    assert Idea.objects.count() == 0


def test_a_script_in_the_body_is_not_rendered(client, volunteer, other_volunteer):
    idea = make_idea(
        volunteer.user,
        body='Merhaba <script>alert("x")</script> <a href="javascript:alert(1)">tıkla</a>',
    )
    client.force_login(other_volunteer.user)

    page = client.get(idea.get_absolute_url()).content.decode()

    assert 'alert("x")' not in page
    assert "javascript:alert" not in page
    assert "Merhaba" in page


def test_a_script_in_the_title_is_escaped(client, volunteer, other_volunteer):
    idea = make_idea(volunteer.user, title="<script>alert(1)</script>")
    client.force_login(other_volunteer.user)

    page = client.get(reverse("community:list")).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert idea.pk


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("istanbul", "İstanbul'dan gelen kadın kooperatifleri"),
        ("kadin", "Kadın emeği haftası"),
        ("IŞIK", "ışık yürüyüşü"),
    ],
)
def test_turkish_search_folds_letters(volunteer_client, volunteer, typed, title):
    make_idea(volunteer.user, title=title)
    make_idea(volunteer.user, title="Bisiklet turu", body="Sahil boyunca.")

    response = volunteer_client.get(reverse("community:list"), {"q": typed})

    page = response.content.decode()
    assert title.replace("'", "&#x27;") in page
    assert "Bisiklet turu" not in page


def test_the_search_goes_through_the_one_search_module(volunteer):
    make_idea(volunteer.user, title="Kadın emeği")

    found = selectors.search(Idea.objects.all(), "KADIN")

    assert [idea.title for idea in found] == ["Kadın emeği"]


def test_the_list_sorts_by_support_and_filters_by_district_and_status(
    volunteer_client, volunteer, other_volunteer, coordinator
):
    quiet = make_idea(volunteer.user, title="Sessiz fikir")
    popular = make_idea(
        volunteer.user, title="Sevilen fikir", district=factories.district("bornova")
    )
    services.support(idea=popular, person=other_volunteer.user)
    services.change_status(idea=quiet, by=coordinator, to="under_review")

    by_support = volunteer_client.get(reverse("community:list"), {"sort": "supported"})
    in_bornova = volunteer_client.get(
        reverse("community:list"), {"district": factories.district("bornova").pk}
    )
    reviewing = volunteer_client.get(reverse("community:list"), {"status": "under_review"})

    page = by_support.content.decode()
    assert page.index("Sevilen fikir") < page.index("Sessiz fikir")
    assert "Sessiz fikir" not in in_bornova.content.decode()
    assert "Sevilen fikir" not in reviewing.content.decode()
    assert "Sessiz fikir" in reviewing.content.decode()


def test_the_list_answers_htmx_with_its_results_only(volunteer_client, idea):
    response = volunteer_client.get(reverse("community:list"), headers={"HX-Request": "true"})

    page = response.content.decode()
    assert page.lstrip().startswith('<div id="results">')
    assert idea.title in page


def test_an_invalid_filter_is_reported_and_the_others_still_apply(volunteer_client, idea):
    response = volunteer_client.get(reverse("community:list"), {"status": "nope", "q": "kahvaltı"})

    page = response.content.decode()
    assert "Bazı süzgeçler uygulanamadı" in page
    assert idea.title in page


def test_the_list_takes_a_fixed_number_of_queries(
    volunteer_client, volunteer, django_assert_max_num_queries
):
    for number in range(8):
        make_idea(volunteer.user, title=f"Fikir {number}")
    volunteer_client.get(reverse("community:list"))  # sessions, caches warmed
    make_idea(volunteer.user, title="Yeni fikir")  # the kept copy is outdated: read anew

    with django_assert_max_num_queries(14):
        assert "Yeni fikir" in volunteer_client.get(reverse("community:list")).content.decode()
