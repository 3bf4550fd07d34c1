"""/me/data/erase/: a password and a tick, then the person is erased and signed out."""

from esit.kvkk.models import DestructionRecord

from .conftest import EMAIL

URL = "/me/data/erase/"


def test_a_wrong_password_erases_nothing_and_says_so_next_to_the_field(client, nursen):
    client.force_login(nursen.user)

    response = client.post(URL, {"password": "yanlış-parola", "confirm": "on"})

    assert response.status_code == 200
    assert "Parola doğru değil." in response.content.decode()
    nursen.user.refresh_from_db()
    assert nursen.user.email == EMAIL
    assert not DestructionRecord.objects.exists()


def test_without_the_tick_nothing_is_erased(client, nursen):
    client.force_login(nursen.user)

    response = client.post(URL, {"password": "Parola-1234567"})

    assert "Silmek için lütfen onay kutusunu işaretleyin." in response.content.decode()
    assert not DestructionRecord.objects.exists()


def test_erasing_signs_her_out_and_says_goodbye(client, nursen):
    nursen.user.set_password("Parola-1234567")
    nursen.user.save()
    client.force_login(nursen.user)

    response = client.post(URL, {"password": "Parola-1234567", "confirm": "on"}, follow=True)

    assert response.redirect_chain[-1][0] == "/me/data/erased/"
    assert "Bilgileriniz silindi" in response.content.decode()
    assert DestructionRecord.objects.count() == 1
    nursen.user.refresh_from_db()
    assert nursen.user.email != EMAIL
    assert client.get("/me/").status_code == 302
