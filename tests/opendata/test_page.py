"""/open-data/: the page explains the datasets and their licence in Turkish and English, and
its CSV downloads hold the very cells of the API, formula-safe."""

import csv
import io

import pytest
from django.test import Client

from esit.opendata import datasets
from tests.opendata.conftest import row, table

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # the BOM, so Excel reads Turkish letters
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize("key", datasets.KEYS)
def test_the_csv_holds_the_cells_of_the_api(client, city, key):
    api = table(client, key, start="2026-02", end="2026-04")
    response = client.get(f"/open-data/{key}.csv", {"start": "2026-02", "end": "2026-04"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    header, *rows = read_csv(response)
    assert header == ["Ay", "Toplam", *(c["label_tr"] for c in api["categories"])]
    for line in rows:
        month = row(api, line[0])
        expected = [month["total"], *(month[c["code"]] for c in api["categories"])]
        assert line[1:] == ["gizli" if value is None else str(value) for value in expected]
    assert [line[0] for line in rows] == ["2026-02", "2026-03", "2026-04"]


def test_the_csv_of_the_last_twelve_months_by_default(client, city):
    rows = read_csv(client.get("/open-data/hours-by-gender.csv"))
    assert len(rows) == 1 + 12


def test_a_category_name_that_looks_like_a_formula_is_neutralised(client, city):
    from esit.reference.models import VolunteerArea

    VolunteerArea.objects.filter(slug="translation").update(name_tr="=HYPERLINK(1)")
    header, *_rows = read_csv(client.get("/open-data/volunteers-by-area.csv"))
    assert "'=HYPERLINK(1)" in header
    assert "=HYPERLINK(1)" not in header


def test_a_bad_period_or_table_is_refused(client, city):
    assert client.get("/open-data/hours-by-gender.csv", {"start": "2026-3"}).status_code == 400
    assert client.get("/open-data/hours-by-shoe-size.csv").status_code == 404


def test_the_page_explains_the_datasets_the_method_and_the_licence(client, city):
    page = client.get("/open-data/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Küçük hücreler nasıl gizleniyor" in text
    assert "CC BY 4.0" in text
    assert "İzmir Büyükşehir Belediyesi" in text
    assert 'href="/api/v1/docs"' in text
    assert 'href="/api/v1/openapi.json"' in text
    for key in datasets.KEYS:
        assert f'href="/open-data/{key}.csv"' in text
        assert f'href="/api/v1/statistics/{key}/"' in text


def test_the_page_is_in_english_too(client, city, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = client.get("/open-data/").content.decode()
    assert "Open data" in text
    assert "How small cells are hidden" in text
    header, *_rows = read_csv(client.get("/open-data/volunteers-by-gender.csv"))
    assert header[:3] == ["Month", "Total", "Woman"]


def test_the_licence_is_a_setting_the_municipality_can_change(client, city, settings):
    settings.OPEN_DATA_LICENCE_NAME = "ODbL 1.0"
    settings.OPEN_DATA_ATTRIBUTION = "İzmir Büyükşehir Belediyesi Açık Veri Portalı"
    assert "ODbL 1.0" in client.get("/open-data/").content.decode()
    licence = table(client, "hours-by-gender")["licence"]
    assert licence["attribution"] == "İzmir Büyükşehir Belediyesi Açık Veri Portalı"


def test_the_site_footer_links_the_page(client, db):
    assert 'href="/open-data/"' in client.get("/").content.decode()


def test_the_csv_is_rate_limited_like_the_api_on_the_same_counter(settings, city):
    settings.OPEN_DATA_RATE_LIMIT = "3/d"
    first, other = Client(REMOTE_ADDR="10.0.0.1"), Client(REMOTE_ADDR="10.0.0.2")
    assert first.get("/api/v1/statistics/").status_code == 200
    for _ in range(2):
        assert first.get("/open-data/hours-by-gender.csv").status_code == 200
    refused = first.get("/open-data/hours-by-gender.csv", {"start": "2026-01"})
    assert refused.status_code == 429
    assert "Çok fazla istek" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert other.get("/open-data/hours-by-gender.csv").status_code == 200
