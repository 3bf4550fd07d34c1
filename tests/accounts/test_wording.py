"""allauth's pages and e-mails in our words: "parola" for password, sentence case, both languages.

docs/architecture.md ("Words") says why "parola". Every page a volunteer or a staff
member can reach under /accounts/ is rendered here, in Turkish and in English.
"""

import re
from html.parser import HTMLParser

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core import mail
from django.test import Client

from esit.core.turkish import fold
from tests import factories
from tests.accounts.helpers import sign_in

# Words that keep their capital inside a sentence-case heading.
PROPER_NAMES = {"Eşit", "İzmir", "QR", "Google", "Microsoft", "Authenticator", "FreeOTP"}
# "şifre" and its forms ("şifrenizi", "şifremi"), but not "deşifre".
SIFRE = re.compile(r"(?<!\w)şifre", re.IGNORECASE)


class Headings(HTMLParser):
    """The texts a reader scans: the page title, headings, labels and buttons inside <main>."""

    WATCHED = {"title", "h1", "h2", "h3", "label", "legend", "button", "summary"}

    def __init__(self):
        super().__init__()
        self.texts, self._open, self._in_main = [], [], False

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "main":
            self._in_main = True
        watched = tag in self.WATCHED or (tag == "a" and "button" in classes.split())
        if watched and (self._in_main or tag == "title"):
            self._open.append([tag, ""])

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        if self._open and self._open[-1][0] == tag:
            self.texts.append(" ".join(self._open.pop()[1].split()))

    def handle_data(self, data):
        for item in self._open:
            item[1] += data


def title_case_words(text: str) -> list[str]:
    """Words after the first that start with a capital and are not names."""
    sentence = text.split(" · ")[0]  # "<page> · Eşit İzmir"
    sentence = re.sub(r"\((zorunlu|required)\)", "", sentence)
    words = re.findall(r"[\w'-]+", sentence.split(": ", 1)[-1])  # "Hata: …" starts anew
    return [word for word in words[1:] if word[0].isupper() and word not in PROPER_NAMES]


def reset_key_url(user) -> str:
    return (
        f"/accounts/password/reset/key/{user_pk_to_url_str(user)}-"
        f"{default_token_generator.make_token(user)}/"
    )


def volunteer_session(volunteer):
    client = Client()
    client.force_login(volunteer.user)
    return client


def staff_session(coordinator):
    RecoveryCodes.activate(coordinator)
    client = Client()
    client.force_login(coordinator)
    # Managing authenticators asks for the password again first.
    client.post("/accounts/reauthenticate/", {"password": factories.PASSWORD})
    return client


def half_signed_in_staff(coordinator):
    client = Client()
    sign_in(client, coordinator.email)  # the password is right; the code is still to come
    return client


def staff_setting_up_two_factor(db):
    staff = factories.StaffFactory(role="coordinator", two_factor=False)
    client = Client()
    sign_in(client, staff.email)
    client.post("/accounts/reauthenticate/", {"password": factories.PASSWORD})
    return client


def user_without_a_password(db):
    user = factories.UserFactory()
    user.set_unusable_password()
    user.save()
    client = Client()
    client.force_login(user)
    return client


def anonymous(db):
    return Client()


# (name, how to get a client, how to reach the page: a path or a function of the client)
PAGES = [
    ("sign in", anonymous, "/accounts/login/"),
    (
        "sign in refused",
        anonymous,
        lambda c: c.post("/accounts/login/", {"login": "a@example.org", "password": "yanlis"}),
    ),
    ("password reset", anonymous, "/accounts/password/reset/"),
    ("password reset sent", anonymous, "/accounts/password/reset/done/"),
    ("password reset link broken", anonymous, "/accounts/password/reset/key/1-yanlis/"),
    ("password saved", anonymous, "/accounts/password/reset/key/done/"),
    ("signup closed", anonymous, "/accounts/signup/"),
    ("confirmation link broken", anonymous, "/accounts/confirm-email/yanlis/"),
    ("confirmation sent", anonymous, "/accounts/confirm-email/"),
    ("account inactive", anonymous, "/accounts/inactive/"),
    ("change password", "volunteer", "/accounts/password/change/"),
    ("sign out", "volunteer", "/accounts/logout/"),
    ("confirm with password", "volunteer", "/accounts/reauthenticate/"),
    ("set password", user_without_a_password, "/accounts/password/set/"),
    ("two-factor overview", "staff", "/accounts/2fa/"),
    ("remove the app", "staff", "/accounts/2fa/totp/deactivate/"),
    ("recovery codes", "staff", "/accounts/2fa/recovery-codes/"),
    ("new recovery codes", "staff", "/accounts/2fa/recovery-codes/generate/"),
    ("confirm with a code", "staff", "/accounts/2fa/reauthenticate/"),
    ("code at sign-in", "half signed-in staff", "/accounts/2fa/authenticate/"),
    ("add an app", staff_setting_up_two_factor, "/accounts/2fa/totp/activate/"),
]


@pytest.fixture
def open_page(request, volunteer, coordinator):
    def open_page(who, where, language):
        sessions = {
            "volunteer": lambda db: volunteer_session(volunteer),
            "staff": lambda db: staff_session(coordinator),
            "half signed-in staff": lambda db: half_signed_in_staff(coordinator),
        }
        client = sessions.get(who, who)(request.getfixturevalue("db"))
        client.cookies["esit_language"] = language
        response = where(client) if callable(where) else client.get(where)
        assert response.status_code == 200, response
        assert response["Content-Language"] == language
        return response.content.decode()

    return open_page


def set_password_page(client, user) -> str:
    """The page the invitation and the reset e-mail lead to (allauth redirects off the key)."""
    return client.get(reset_key_url(user), follow=True).content.decode()


@pytest.mark.parametrize(("name", "who", "where"), PAGES, ids=[page[0] for page in PAGES])
def test_account_pages_say_parola_never_sifre(open_page, name, who, where):
    html = open_page(who, where, "tr")

    assert not SIFRE.findall(html), name


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize(("name", "who", "where"), PAGES, ids=[page[0] for page in PAGES])
def test_account_pages_are_in_sentence_case(open_page, name, who, where, language):
    parser = Headings()
    parser.feed(open_page(who, where, language))

    assert parser.texts, name
    assert {text: title_case_words(text) for text in parser.texts if title_case_words(text)} == {}


def test_the_password_form_says_parola_in_its_labels_and_errors(client, volunteer):
    set_password_page(client, volunteer.user)
    form_url = (
        "/accounts/password/reset/key/" + f"{user_pk_to_url_str(volunteer.user)}-set-password/"
    )

    typed = {"password1": "uzun-ve-guclu-parola-1", "password2": "baska-bir-parola-2"}

    html = client.post(form_url, typed).content.decode()

    assert "Yeni parola (tekrar)" in html
    assert "İki kutuya da aynı parolayı yazın." in html
    assert not SIFRE.findall(html)


def test_a_wrong_password_is_refused_in_our_words(client, volunteer):
    response = sign_in(client, volunteer.user.email, password="yanlis-parola")

    assert "E-posta adresi ya da parola yanlış." in response.content.decode()


def test_reauthentication_offers_the_password_in_our_words(client, coordinator):
    client.force_login(coordinator)

    html = client.get("/accounts/2fa/reauthenticate/").content.decode()

    assert "Parolanızı kullanın" in html


@pytest.mark.parametrize(
    ("language", "expected", "not_expected"),
    [("tr", "parola", SIFRE), ("en", "password", re.compile(r"Password Reset"))],
)
def test_the_password_reset_email_is_in_our_words(
    client, volunteer, language, expected, not_expected
):
    client.cookies["esit_language"] = language

    client.post("/accounts/password/reset/", {"email": volunteer.user.email})

    (message,) = mail.outbox
    assert expected in fold(message.subject + message.body)
    assert not not_expected.findall(message.subject + message.body)
    assert title_case_words(message.subject.removeprefix("Eşit İzmir · ")) == []


def test_a_changed_password_is_announced_in_our_words(client, volunteer):
    client.force_login(volunteer.user)
    new = "yeni-ve-uzun-bir-parola-2026"

    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": factories.PASSWORD, "password1": new, "password2": new},
        follow=True,
    )

    assert "Parolanız değiştirildi." in response.content.decode()


def test_no_string_of_ours_says_sifre():
    from tests.platform.test_translations import catalogue

    assert [entry.msgid for entry in catalogue() if SIFRE.search(entry.msgid)] == []
