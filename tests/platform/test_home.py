import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_home_lists_the_next_published_activities(client):
    factories.ActivityFactory(title_tr="Kadın hakları atölyesi")
    factories.ActivityFactory(title_tr="Taslak etkinlik", status="draft")
    html = client.get("/").content.decode()
    assert "Kadın hakları atölyesi" in html
    assert "Taslak etkinlik" not in html


def test_home_says_when_nothing_is_planned(client):
    assert "Şu an planlanmış bir etkinlik yok." in client.get("/").content.decode()


def test_home_has_a_plain_title(client):
    html = client.get("/").content.decode()
    assert "<title>Eşit İzmir gönüllü ağı · Eşit İzmir</title>" in html
