"""English is complete: every Turkish string has a reviewed translation, and English pages and
e-mails really are English (Turkish first, English on request).

The catalogue is esit/locale/en/LC_MESSAGES/django.po (msgids are Turkish). Refresh it with

    .venv/bin/python manage.py makemessages -l en -d django --ignore=.venv \
        --ignore=node_modules --ignore=var --ignore=tests --no-obsolete

then translate every new entry and run `make messages` to compile it.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from esit.applications.models import Application
from tests.applications import conftest as application_helpers
from tests.applications.conftest import APPLY_URL, THANKS_URL

ESIT = Path(settings.BASE_DIR) / "esit"
PO_PATH = ESIT / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")

valid_data = application_helpers.valid_data  # the application journey's complete, valid POST

# Strings whose English is, rightly, the msgid itself. Keep this list tiny.
SAME_IN_ENGLISH = {
    # settings.LANGUAGES: each language is offered under its own name.
    "English",
}

PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdif]")
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b")


def catalogue() -> polib.POFile:
    return polib.pofile(str(PO_PATH))


def entry_label(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid


def translations_of(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def placeholders(text: str) -> list[str]:
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


# (a) The catalogue is complete ------------------------------------------------------------


def test_catalogue_header_is_english_with_two_plural_forms():
    metadata = catalogue().metadata

    assert metadata["Language"] == "en"
    assert metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


def test_every_entry_is_translated_and_reviewed():
    po = catalogue()

    assert len(po) > 0
    assert not po.metadata_is_fuzzy, "The header is marked fuzzy."
    untranslated = [entry_label(e) for e in po if not all(s.strip() for s in translations_of(e))]
    fuzzy = [entry_label(e) for e in po if "fuzzy" in e.flags]
    assert untranslated == [], "Untranslated entries:\n" + "\n".join(untranslated)
    assert fuzzy == [], "Fuzzy entries (review, then remove the flag):\n" + "\n".join(fuzzy)
    assert po.obsolete_entries() == []


def test_no_translation_is_a_copy_of_the_turkish():
    copies = [
        entry_label(entry)
        for entry in catalogue()
        if entry.msgid not in SAME_IN_ENGLISH
        and (
            entry.msgstr == entry.msgid
            or (entry.msgid_plural and entry.msgid in entry.msgstr_plural.values())
        )
    ]

    assert copies == [], "Translations identical to the Turkish:\n" + "\n".join(copies)


def test_translations_keep_every_placeholder():
    broken = []
    for entry in catalogue():
        for index, text in enumerate(translations_of(entry)):
            source = entry.msgid_plural if entry.msgid_plural and index > 0 else entry.msgid
            if "python-format" in entry.flags and placeholders(text) != placeholders(source):
                broken.append(f"{entry_label(entry)} → {text}")
    assert broken == [], "Placeholders differ:\n" + "\n".join(broken)


def test_translations_keep_the_html_tags():
    broken = [
        f"{entry_label(entry)} → {text}"
        for entry in catalogue()
        for text in translations_of(entry)
        if sorted(HTML_TAG.findall(text)) != sorted(HTML_TAG.findall(entry.msgid))
    ]

    assert broken == [], "HTML tags differ:\n" + "\n".join(broken)


def test_kvkk_keeps_its_name_in_english():
    kvkk = [entry for entry in catalogue() if "KVKK" in entry.msgid]

    assert kvkk
    assert all("KVKK" in text for entry in kvkk for text in translations_of(entry))


# (b) The catalogue is up to date ----------------------------------------------------------


def catalogue_keys(po: polib.POFile) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in po}


def test_catalogue_has_every_string_the_code_marks_for_translation(tmp_path):
    """makemessages over a copy of the `esit` package must find nothing the catalogue lacks."""
    assert shutil.which("xgettext"), (
        "GNU gettext is missing: `make test` installs it (scripts/test-deps)"
    )
    shutil.copytree(
        ESIT,
        tmp_path / "esit",
        ignore=shutil.ignore_patterns("__pycache__", "*.mo", "*.po", "static", "node_modules"),
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "esit.settings", "PYTHONPATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "en", "-d", "django"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    fresh = catalogue_keys(polib.pofile(str(tmp_path / PO_PATH.relative_to(ESIT.parent))))
    committed = catalogue_keys(catalogue())

    missing = sorted(fresh - committed, key=str)
    stale = sorted(committed - fresh, key=str)
    assert missing == [], (
        "Strings marked for translation but missing from the English catalogue "
        "(run makemessages, see this module's docstring, and translate them):\n"
        + "\n".join(f"{ctxt}|{msgid}" if ctxt else msgid for ctxt, msgid in missing)
    )
    assert stale == [], "Catalogue entries no longer used by the code:\n" + "\n".join(
        f"{ctxt}|{msgid}" if ctxt else msgid for ctxt, msgid in stale
    )


# (c) and (d) English pages and e-mails ----------------------------------------------------


@pytest.fixture
def compiled_catalogue():
    """The rendering tests need the .mo built from the committed .po (`make messages`)."""
    assert MO_PATH.exists(), f"{MO_PATH} is missing: run `make messages`."
    compiled = {(e.msgctxt, e.msgid): translations_of(e) for e in polib.mofile(str(MO_PATH))}
    stale = [
        entry_label(entry)
        for entry in catalogue()
        if compiled.get((entry.msgctxt, entry.msgid)) != translations_of(entry)
    ]
    assert stale == [], f"{MO_PATH} is out of date: run `make messages`."


@pytest.fixture
def english(client, compiled_catalogue):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def english_page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert '<html lang="en">' in html
    return html


def test_the_layout_is_english(english, db):
    html = english_page(english, "/")

    for text in (
        "Skip to main content",
        "Quick exit",
        "Volunteer Solidarity Network",
        "KVKK information notice",
        "İzmir Metropolitan Municipality · Department of Women and Family Services",
    ):
        assert text in html
    for turkish in ("Ana içeriğe geç", "Hızlı çıkış", "Gönüllü ol", "aydınlatma metni"):
        assert turkish not in html


def test_the_home_page_is_english(english, db):
    html = english_page(english, "/")

    assert "<h1>Volunteer for an equal İzmir</h1>" in html
    assert "Apply to volunteer" in html
    assert "Anyone aged 18 or over can apply." in html
    assert "Eşit bir İzmir için gönüllü olun" not in html


def test_the_application_form_is_english(english, db):
    html = english_page(english, "/apply/")

    assert "<h1>Volunteer application</h1>" in html
    assert "<title>Volunteer application · Eşit İzmir</title>" in html
    for label in ("First name", "Date of birth", "Mobile phone", "District", "Weekly availability"):
        assert f"{label} <span" in html or f">{label}<" in html, label
    for text in (
        "(required)",
        "Personal details",
        "Monday",
        "Submit application",
        "Prefer not to say",
    ):
        assert text in html, text
    assert "KVKK, Law No. 6698" in html
    for turkish in (
        "Gönüllü başvurusu",
        "Doğum tarihi",
        "zorunlu",
        "Pazartesi",
        "Başvuruyu gönder",
    ):
        assert turkish not in html, turkish


def test_errors_on_the_application_form_are_english(english, valid_data):
    response = english.post(APPLY_URL, valid_data(birth_date="2999-01-01", consent=None))

    html = response.content.decode()
    assert "Please correct the problems below" in html
    assert "Date of birth cannot be in the future." in html
    assert "We need your explicit consent to accept your application." in html
    assert "<title>Error: Volunteer application · Eşit İzmir</title>" in html


def test_the_thanks_page_is_english(english, db):
    html = english_page(english, THANKS_URL)

    assert "<h1>Thank you, your application has been received</h1>" in html
    assert "please check your spam folder" in html
    assert "Teşekkürler" not in html


def test_the_privacy_notice_is_english(english, db):
    html = english_page(english, "/privacy/")

    assert "Information notice for volunteer applications" in html
    assert "Version 1" in html
    assert "Sürüm" not in html


def test_the_sign_in_page_is_english(english, db):
    html = english_page(english, "/accounts/login/")

    assert "<h1>Sign in</h1>" in html
    assert "Volunteers and staff sign in with their email address." in html
    assert "Not a volunteer yet?" in html
    assert "Giriş" not in html


def test_an_english_application_is_confirmed_in_english(english, valid_data, run_on_commit):
    with run_on_commit():
        response = english.post(APPLY_URL, valid_data())

    assert response.status_code == 302
    assert Application.objects.get().language == "en"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.endswith("We have received your application")
    assert message.body.startswith("Hello Ayşe,\n")
    assert "Thank you for applying to the Eşit İzmir volunteer network." in message.body
    assert "This link is for you only; please do not share it with anyone." in message.body
    assert "Eşit İzmir · İzmir Metropolitan Municipality" in message.body
    for turkish in ("Merhaba", "Başvurunuzu", "Belediyesi"):
        assert turkish not in message.body + message.subject


def test_decisions_reach_an_english_applicant_in_english_from_a_turkish_coordinator(
    english, valid_data, run_on_commit, coordinator
):
    from esit.applications import services

    with run_on_commit():
        english.post(APPLY_URL, valid_data())
    application = Application.objects.get()
    mail.outbox.clear()

    with translation.override("tr"), run_on_commit():
        services.reject_application(
            application=application, by=coordinator, reason="Kontenjan doldu."
        )

    message = mail.outbox[0]
    assert message.subject.endswith("About your application")
    assert "Unfortunately, we are unable to accept your application this time." in message.body
    assert "Reason:\nKontenjan doldu." in message.body
