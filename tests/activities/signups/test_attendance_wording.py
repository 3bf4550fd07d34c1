"""Attendance is "yoklama": "giriş" already means signing in to the site, so the activities
pages, messages and e-mails never use it for check-in; English says "check-in", never
"sign in" (docs/activities.md)."""

import re

import polib
import pytest
from django.conf import settings

from tests import factories
from tests.activities.signups.conftest import make_shift

ACTIVITIES = "esit/activities/"
PO_PATH = f"{settings.BASE_DIR}/esit/locale/en/LC_MESSAGES/django.po"


def main_of(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def running_shift(db):
    return make_shift(starts_in_hours=-0.5, length_hours=3)


def test_check_in_page_says_yoklama(coordinator_client, running_shift):
    main = main_of(coordinator_client.get(f"/staff/shifts/{running_shift.pk}/check-in/"))

    assert "<h1>Yoklama:" in main
    assert "Geldi olarak işaretle" in main
    assert not re.search(r"[Gg]iriş", main)


def test_check_in_page_in_english_says_check_in_not_sign_in(coordinator_client, running_shift):
    coordinator_client.cookies["esit_language"] = "en"

    main = main_of(coordinator_client.get(f"/staff/shifts/{running_shift.pk}/check-in/"))

    assert "Check-in" in main
    assert not re.search(r"sign(ed)?[ -]in", main, flags=re.IGNORECASE)


def test_roster_links_to_the_yoklama_page(coordinator_client, running_shift):
    main = main_of(coordinator_client.get(f"/staff/activities/{running_shift.activity_id}/roster/"))

    assert "Yoklama sayfası" in main
    assert "Giriş sayfası" not in main


def test_checking_in_says_who_was_marked_present(coordinator_client, running_shift):
    signup = factories.SignUpFactory(shift=running_shift)

    response = coordinator_client.post(
        f"/staff/shifts/{running_shift.pk}/check-in/",
        {"code": signup.volunteer.checkin_code},
        follow=True,
    )

    assert f"{signup.volunteer.full_name} geldi olarak işaretlendi." in main_of(response)


def activities_entries():
    return [
        entry
        for entry in polib.pofile(PO_PATH)
        if not entry.obsolete
        and any(path.startswith(ACTIVITIES) for path, _line in entry.occurrences)
    ]


# Where "giriş" rightly means signing in to the site.
SIGN_IN_MSGIDS = {
    "Vardiyalarınızı giriş yaparak görebilirsiniz.",
    'Gönüllüyseniz kaydolmak için <a href="%(login_url)s">giriş yapın</a>.',
}


def test_no_activities_string_uses_giris_for_attendance():
    wrong = [
        entry.msgid
        for entry in activities_entries()
        if re.search(r"[Gg]iriş", entry.msgid) and entry.msgid not in SIGN_IN_MSGIDS
    ]

    assert wrong == []


def test_no_english_activities_string_calls_check_in_signing_in():
    wrong = [
        entry.msgid
        for entry in activities_entries()
        if entry.msgid not in SIGN_IN_MSGIDS
        and re.search(r"sign(ed|ing)?[ -]in", entry.msgstr, flags=re.IGNORECASE)
    ]

    assert wrong == []
