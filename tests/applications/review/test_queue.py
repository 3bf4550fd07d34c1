"""The review queue page: filters, search, pagination, htmx results and a fixed query count."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from esit.applications.models import Application
from esit.applications.versions import bump_applications
from tests import factories
from tests.applications.review.conftest import istanbul, listed_names, years_ago
from tests.factories import ApplicationFactory


def test_queue_lists_applications_newest_first(coordinator_client, queue_url):
    ApplicationFactory(first_name="Eski", last_name="Başvuru", submitted_at=istanbul(2025, 1, 5))
    ApplicationFactory(first_name="Yeni", last_name="Başvuru", submitted_at=istanbul(2025, 2, 5))
    response = coordinator_client.get(queue_url)
    assert response.status_code == 200
    assert listed_names(response) == ["Yeni Başvuru", "Eski Başvuru"]


def test_queue_search_finds_turkish_capital_i(coordinator_client, queue_url):
    ApplicationFactory(first_name="Deniz", last_name="İzmirli")
    ApplicationFactory(first_name="Ismail", last_name="Kaya")
    response = coordinator_client.get(queue_url, {"q": "izmir"})
    assert listed_names(response) == ["Deniz İzmirli"]
    # A plain i also finds the dotless ı (esit/core/search.py): "Ismail" is stored "ısmail".
    response = coordinator_client.get(queue_url, {"q": "ismail"})
    assert listed_names(response) == ["Ismail Kaya"]
    response = coordinator_client.get(queue_url, {"q": "izmirli"})
    assert listed_names(response) == ["Deniz İzmirli"]


@pytest.mark.parametrize("query", ["ışıl", "IŞIL", "Işıl"])
def test_queue_search_finds_dotless_i_whatever_the_case(coordinator_client, queue_url, query):
    ApplicationFactory(first_name="Işıl", last_name="Güneş")
    ApplicationFactory(first_name="Ayşe", last_name="Demir")
    response = coordinator_client.get(queue_url, {"q": query})
    assert listed_names(response) == ["Işıl Güneş"]


FILTER_CASES = {
    # name: (query string, a matching application, one that must drop out)
    "status": lambda: (
        {"status": "waitlisted"},
        {"status": Application.Status.WAITLISTED},
        {},
    ),
    "area": lambda: (
        {"area": factories.area("workshops").pk},
        {"areas": [factories.area("workshops")]},
        {"areas": [factories.area("translation")]},
    ),
    "district": lambda: (
        {"district": factories.district("buca").pk},
        {"district": factories.district("buca")},
        {"district": factories.district("konak")},
    ),
    "language": lambda: (
        {"language": factories.language("ar").pk},
        {"languages": [(factories.language("ar"), "native")]},
        {"languages": [(factories.language("en"), "fluent")]},
    ),
    "age_group": lambda: (
        {"age_group": "65+"},
        {"birth_date": years_ago(70)},
        {"birth_date": years_ago(30)},
    ),
    "submitted_from": lambda: (
        {"submitted_from": "2025-03-10"},
        {"submitted_at": istanbul(2025, 3, 10, 0, 30)},
        {"submitted_at": istanbul(2025, 3, 9, 23, 30)},
    ),
    "submitted_to": lambda: (
        {"submitted_to": "2025-03-10"},
        {"submitted_at": istanbul(2025, 3, 10, 23, 30)},
        {"submitted_at": istanbul(2025, 3, 11, 0, 30)},
    ),
}


@pytest.mark.parametrize("name", list(FILTER_CASES))
def test_each_filter_narrows_the_list(coordinator_client, queue_url, name):
    params, matching, other = FILTER_CASES[name]()
    ApplicationFactory(first_name="Uyan", last_name="Kişi", **matching)
    ApplicationFactory(first_name="Uymayan", last_name="Kişi", **other)
    assert sorted(listed_names(coordinator_client.get(queue_url))) == ["Uyan Kişi", "Uymayan Kişi"]
    response = coordinator_client.get(queue_url, params)
    assert listed_names(response) == ["Uyan Kişi"]


def test_filter_form_keeps_its_values(coordinator_client, queue_url):
    buca = factories.district("buca")
    response = coordinator_client.get(
        queue_url,
        {
            "q": "Işıl <b>",
            "status": "waitlisted",
            "district": buca.pk,
            "age_group": "25-34",
            "submitted_from": "2025-01-02",
        },
    )
    html = response.content.decode()
    assert 'value="Işıl &lt;b&gt;"' in html
    assert '<option value="waitlisted" selected>' in html
    assert f'<option value="{buca.pk}" selected>' in html
    assert '<option value="25-34" selected>' in html
    assert 'value="2025-01-02"' in html


def test_a_wrong_filter_is_reported_and_the_others_still_apply(coordinator_client, queue_url):
    ApplicationFactory(first_name="Bucalı", last_name="Kişi", district=factories.district("buca"))
    ApplicationFactory(first_name="Konaklı", last_name="Kişi")
    response = coordinator_client.get(
        queue_url,
        {"district": factories.district("buca").pk, "submitted_from": "not-a-date"},
    )
    assert response.status_code == 200
    assert listed_names(response) == ["Bucalı Kişi"]
    assert 'class="error-message" id="id_submitted_from_error"' in response.content.decode()


def test_an_end_date_before_the_start_date_is_reported(coordinator_client, queue_url):
    ApplicationFactory()
    response = coordinator_client.get(
        queue_url, {"submitted_from": "2025-03-10", "submitted_to": "2025-03-01"}
    )
    assert "Bitiş tarihi başlangıç tarihinden önce olamaz." in response.content.decode()


def test_queue_shows_25_applications_a_page(coordinator_client, queue_url):
    for n in range(27):
        ApplicationFactory(first_name=f"Kişi{n:02d}", submitted_at=istanbul(2025, 1, 1, 10, n))
    first = listed_names(coordinator_client.get(queue_url))
    second = listed_names(coordinator_client.get(queue_url, {"page": 2}))
    assert len(first) == 25
    assert len(second) == 2
    assert set(first).isdisjoint(second)


def test_pagination_keeps_the_filters(coordinator_client, queue_url):
    buca = factories.district("buca")
    for n in range(30):
        ApplicationFactory(first_name=f"Bucalı{n:02d}", district=buca)
    ApplicationFactory(first_name="Konaklı")
    response = coordinator_client.get(queue_url, {"district": buca.pk, "q": "bucalı"})
    html = response.content.decode()
    assert f'href="?district={buca.pk}&amp;q=bucal%C4%B1&amp;page=2" rel="next"' in html
    page_two = coordinator_client.get(queue_url, {"district": buca.pk, "q": "bucalı", "page": 2})
    assert len(listed_names(page_two)) == 5
    # The links are written from the parameters the queue reads, in a fixed order.
    assert f'href="?district={buca.pk}&amp;page=1&amp;q=bucal%C4%B1" rel="prev"' in (
        page_two.content.decode()
    )


def test_a_page_past_the_end_shows_the_last_page(coordinator_client, queue_url):
    ApplicationFactory(first_name="Tek", last_name="Kişi")
    response = coordinator_client.get(queue_url, {"page": 99})
    assert listed_names(response) == ["Tek Kişi"]


def test_htmx_filter_request_gets_only_the_results(coordinator_client, queue_url):
    ApplicationFactory(first_name="Işıl", last_name="Güneş")
    response = coordinator_client.get(queue_url, {"q": "ışıl"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="queue-results"')
    assert "<html" not in html
    assert listed_names(response) == ["Işıl Güneş"]
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(coordinator_client, queue_url):
    response = coordinator_client.get(
        queue_url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.content.decode()


def test_the_filter_form_works_without_javascript(coordinator_client, queue_url):
    html = coordinator_client.get(queue_url).content.decode()
    assert f'<form method="get" action="{queue_url}"' in html
    assert 'hx-get="' in html


def test_every_row_checkbox_has_a_label(coordinator_client, queue_url):
    application = ApplicationFactory(first_name="Işıl", last_name="Güneş")
    html = coordinator_client.get(queue_url).content.decode()
    assert f'id="select-{application.pk}"' in html
    assert f'<label for="select-{application.pk}">' in html
    assert "Işıl Güneş başvurusunu seç" in html
    assert "<caption>" in html
    assert '<th scope="col">' in html


def test_queue_shows_names_escaped(coordinator_client, queue_url):
    ApplicationFactory(first_name="<script>alert(1)</script>", last_name="X")
    html = coordinator_client.get(queue_url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _many_applications(count: int) -> None:
    areas = [factories.area("translation"), factories.area("workshops")]
    languages = [(factories.language("en"), "fluent"), (factories.language("ar"), "basic")]
    for n in range(count):
        ApplicationFactory(
            submitted_at=istanbul(2025, 1, 1) + datetime.timedelta(minutes=n),
            birth_date=years_ago(30),
            areas=areas,
            languages=languages,
        )


@pytest.mark.parametrize("filtered", [False, True])
def test_queue_runs_a_fixed_number_of_queries(
    coordinator_client, queue_url, django_assert_num_queries, filtered
):
    params = {}
    if filtered:
        params = {"q": "ışıl", "area": factories.area("translation").pk, "age_group": "25-34"}
        params["language"] = factories.language("en").pk
    _many_applications(3)
    coordinator_client.get(queue_url, params)  # warm the session and the user's roles
    bump_applications()  # both pages measured are built afresh, not read from the kept copy
    with CaptureQueriesContext(connection) as small:
        assert len(listed_names(coordinator_client.get(queue_url, params))) == 3
    _many_applications(27)
    with django_assert_num_queries(len(small.captured_queries)):
        response = coordinator_client.get(queue_url, params)
    assert len(listed_names(response)) == 25


def test_dashboard_counts_applications_by_status_with_links(coordinator_client):
    ApplicationFactory()
    ApplicationFactory()
    ApplicationFactory(status=Application.Status.WAITLISTED)
    response = coordinator_client.get(reverse("staff:dashboard"))
    html = " ".join(response.content.decode().split())
    queue_url = reverse("review:list")
    assert (
        f'<a href="{queue_url}?status=submitted">İnceleniyor</a></th> <td class="numeric">2</td>'
        in html
    )
    assert (
        f'<a href="{queue_url}?status=waitlisted">Bekleme listesinde</a></th> '
        '<td class="numeric">1</td>' in html
    )
    assert (
        f'<a href="{queue_url}?status=rejected">Olumsuz sonuçlandı</a></th> '
        '<td class="numeric">0</td>' in html
    )


def test_a_huge_queue_counts_up_to_a_cap_and_says_more_than(
    coordinator_client, queue_url, monkeypatch
):
    monkeypatch.setattr("esit.core.pagination.COUNT_CAP", 30)
    monkeypatch.setattr("esit.core.pagination.CappedPaginator.__init__.__kwdefaults__", {"cap": 30})
    for n in range(32):
        ApplicationFactory(first_name=f"Kişi{n:02d}", submitted_at=istanbul(2025, 1, 1, 10, n))
    html = coordinator_client.get(queue_url).content.decode()
    assert "30+ başvuru bulundu." in html
    assert "sayfa 1 / 2+" in html
    assert 'rel="next"' in html
    second = coordinator_client.get(queue_url, {"page": 2})
    assert len(listed_names(second)) == 7
    assert "32 başvuru bulundu." in second.content.decode()
