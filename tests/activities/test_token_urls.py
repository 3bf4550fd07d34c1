"""Private links carry a token or a code: anything that cannot be one is simply not found.

A NUL byte in the path reached the database before, and PostgreSQL refuses such a
string with an error (a 500); the address itself now refuses it, on every database.
"""

import pytest
from django.urls import reverse

from tests import factories

NUL_PATHS = [
    "/certificates/%00/",
    "/apply/status/%00/",
    "/me/calendar/%00.ics",
    "/activities/registrations/%00/cancel/",
    "/activities/signups/confirm/%00/",
]


@pytest.mark.parametrize("path", NUL_PATHS)
def test_a_nul_byte_in_a_token_url_is_not_found(client, db, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", NUL_PATHS)
def test_a_nul_byte_in_a_token_url_is_not_found_for_a_post_either(client, db, path):
    assert client.post(path).status_code in (404, 405)


@pytest.mark.parametrize(
    ("name", "token"),
    [
        ("work:verify_certificate", "0123456789ABCDEF"),
        ("applications:status", "aB3_-xYz" * 5),
        ("activities:volunteer_calendar", "aB3_-xYz" * 4),
        ("activities:cancel_registration", "aB3_-xYz" * 4),
        ("signups:confirm_coming", "eyJzaWdudXAiOjF9:1vQ2a3:AbC-_dEf"),
    ],
)
def test_every_real_token_still_has_an_address(name, token):
    assert token in reverse(name, args=[token])


def test_a_real_calendar_token_still_opens_the_feed(client, db):
    volunteer = factories.VolunteerFactory()

    response = client.get(f"/me/calendar/{volunteer.calendar_token}.ics")

    assert response.status_code == 200
