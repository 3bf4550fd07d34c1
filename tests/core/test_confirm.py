"""The confirmation step in front of destructive actions (esit/core/confirm.py)."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from esit.core.confirm import confirmation_page


def post(data):
    request = RequestFactory().post("/me/shifts/7/cancel/?from=list", data)
    request.user = AnonymousUser()
    return request


def ask(request):
    return confirmation_page(
        request,
        title="Kaydınız iptal edilsin mi?",
        message="Yeriniz bekleme listesindeki ilk kişiye verilir.",
        confirm_label="Evet, kaydımı iptal et",
        back_url="/me/shifts/",
    )


def test_the_first_post_asks_and_repeats_every_field_for_the_second(db):
    response = ask(post({"next": "/activities/3/", "ids": ["1", "2"]}))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="/me/shifts/7/cancel/?from=list"' in html
    assert '<input type="hidden" name="next" value="/activities/3/">' in html
    assert html.count('name="ids"') == 2
    assert '<input type="hidden" name="confirmed" value="yes">' in html
    assert 'class="button button-danger">Evet, kaydımı iptal et</button>' in html
    assert 'href="/me/shifts/"' in html


def test_the_confirmed_post_goes_through():
    assert ask(post({"next": "/activities/3/", "confirmed": "yes"})) is None


def test_what_was_typed_is_escaped_and_passwords_are_never_repeated(db):
    response = ask(post({"reason": '"><script>alert(1)</script>', "password": "gizli-parola"}))

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&quot;&gt;&lt;script&gt;" in html
    assert "gizli-parola" not in html
