"""The coordinator's check-in page: one autofocused field for the scanned or typed code."""

import re

import pytest

from esit.activities.models import HoursEntry, SignUp
from tests import factories
from tests.activities.signups.conftest import fill, make_shift
from tests.volunteers.markup import error_next_to, input_tag


def check_in_url(shift) -> str:
    return f"/staff/shifts/{shift.pk}/check-in/"


@pytest.fixture
def running_shift(db):
    return make_shift(starts_in_hours=-0.5, length_hours=3)


@pytest.fixture
def confirmed(volunteer, running_shift):
    return factories.SignUpFactory(volunteer=volunteer, shift=running_shift)


def test_the_code_field_is_labelled_and_autofocused(coordinator_client, running_shift):
    html = coordinator_client.get(check_in_url(running_shift)).content.decode()

    field = input_tag(html, "code")
    assert "autofocus" in field
    assert '<label for="id_code">' in html


def test_scanning_a_code_checks_the_volunteer_in(coordinator_client, confirmed):
    response = coordinator_client.post(
        check_in_url(confirmed.shift), {"code": confirmed.volunteer.checkin_code.lower()}
    )

    assert response.status_code == 302
    assert response["Location"] == check_in_url(confirmed.shift)
    confirmed.refresh_from_db()
    assert confirmed.attendance == SignUp.Attendance.ATTENDED
    assert HoursEntry.objects.filter(signup=confirmed, status="pending").count() == 1


def test_checked_in_volunteers_are_listed(coordinator_client, confirmed):
    coordinator_client.post(
        check_in_url(confirmed.shift), {"code": confirmed.volunteer.checkin_code}
    )

    html = coordinator_client.get(check_in_url(confirmed.shift)).content.decode()

    assert confirmed.volunteer.full_name in html
    assert f"{confirmed.volunteer.full_name} geldi olarak işaretlendi." in html


def test_unknown_code_gets_a_message_next_to_the_field_and_is_kept(
    coordinator_client, running_shift
):
    response = coordinator_client.post(check_in_url(running_shift), {"code": "BAD-CODE"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "hiçbir gönüllüye ait değil" in error_next_to(html, "id_code")
    assert 'value="BAD-CODE"' in input_tag(html, "code")
    assert 'class="error-summary"' in html
    assert not SignUp.objects.filter(attendance="attended").exists()


def test_empty_code_gets_a_message_next_to_the_field(coordinator_client, running_shift):
    response = coordinator_client.post(check_in_url(running_shift), {"code": ""})

    assert "okutun ya da yazın" in error_next_to(response.content.decode(), "id_code")


def test_volunteer_not_on_the_shift_is_refused_by_name(coordinator_client, running_shift):
    stranger = factories.VolunteerFactory()

    response = coordinator_client.post(check_in_url(running_shift), {"code": stranger.checkin_code})

    assert "onaylı kayıtlı değil" in error_next_to(response.content.decode(), "id_code")


def test_no_show_button_appears_only_after_the_shift(coordinator_client, confirmed):
    html = coordinator_client.get(check_in_url(confirmed.shift)).content.decode()

    assert "/no-shows/" not in html


def test_coordinator_marks_the_rest_as_no_shows(coordinator_client):
    shift = make_shift(starts_in_hours=-5, length_hours=2)
    missed, came = fill(shift, 2)
    came.attendance = "attended"
    came.save()
    assert re.search(
        r"/staff/shifts/\d+/no-shows/", coordinator_client.get(check_in_url(shift)).content.decode()
    )

    response = coordinator_client.post(
        f"/staff/shifts/{shift.pk}/no-shows/", {"confirmed": "yes"}, follow=True
    )

    missed.refresh_from_db()
    came.refresh_from_db()
    assert (missed.attendance, came.attendance) == ("no_show", "attended")
    assert "1 gönüllü gelmedi olarak işaretlendi." in response.content.decode()


def test_no_shows_before_the_end_are_refused_with_a_message(coordinator_client, confirmed):
    response = coordinator_client.post(
        f"/staff/shifts/{confirmed.shift.pk}/no-shows/", {"confirmed": "yes"}, follow=True
    )

    confirmed.refresh_from_db()
    assert confirmed.attendance == SignUp.Attendance.UNKNOWN
    assert "bittikten sonra" in response.content.decode()


def test_volunteer_cannot_open_the_check_in_page(volunteer_client, running_shift):
    assert volunteer_client.get(check_in_url(running_shift)).status_code == 403


def test_unknown_shift_is_not_found(coordinator_client, db):
    assert coordinator_client.get("/staff/shifts/999999/check-in/").status_code == 404
