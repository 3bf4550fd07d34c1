"""Turkish first, English on request, and the switcher keeps the page."""


def test_turkish_is_the_default_even_for_an_english_browser(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response["Content-Language"] == "tr"
    assert '<html lang="tr">' in response.content.decode()


def test_the_switcher_offers_english_on_a_turkish_page(client, db):
    html = client.get("/apply/").content.decode()

    assert 'action="/i18n/setlang/"' in html
    assert '<input type="hidden" name="next" value="/apply/">' in html
    assert 'name="language" value="en"' in html


def test_switching_to_english_returns_to_the_same_page(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    page = client.get(response["Location"])
    assert page["Content-Language"] == "en"
    assert '<html lang="en">' in page.content.decode()
    assert "<h1>Sign in</h1>" in page.content.decode()


def test_switching_back_to_turkish(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    response = client.post("/i18n/setlang/", {"language": "tr", "next": "/"}, follow=True)

    assert response["Content-Language"] == "tr"


def test_the_switcher_keeps_the_query_string(client, db):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/accounts/login/?next=/me/"}
    )

    assert response["Location"] == "/accounts/login/?next=/me/"


def test_the_switcher_never_sends_anyone_to_another_site(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_an_unknown_language_keeps_turkish(client, db):
    client.cookies["esit_language"] = "de"

    response = client.get("/")

    assert response["Content-Language"] == "tr"
