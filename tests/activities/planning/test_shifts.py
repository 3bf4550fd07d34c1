"""Shifts: inside their activity, never overlapping, never below the places given out."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from esit.activities.models import Shift, SignUp
from esit.activities.services import planning
from esit.activities.services.errors import ActivityError
from tests import factories
from tests.activities.planning.conftest import istanbul, shift_form_data, typed


@pytest.fixture
def activity(db):
    return factories.ActivityFactory(
        starts_at=istanbul(2031, 4, 5, 9), ends_at=istanbul(2031, 4, 5, 18)
    )


def create_url(activity) -> str:
    return reverse("planning:shift_create", args=[activity.pk])


def edit_url(shift) -> str:
    return reverse("planning:shift_edit", args=[shift.activity_id, shift.pk])


def delete_url(shift) -> str:
    return reverse("planning:shift_delete", args=[shift.activity_id, shift.pk])


def shift_at(activity, start_hour, end_hour, **fields) -> Shift:
    return factories.ShiftFactory(
        activity=activity,
        starts_at=istanbul(2031, 4, 5, start_hour),
        ends_at=istanbul(2031, 4, 5, end_hour),
        **fields,
    )


def error_next_to(response, field: str) -> str:
    html = response.content.decode()
    marker = f'id="id_{field}_error">'
    assert marker in html, f"no error next to {field}"
    return html.split(marker, 1)[1].split("</p>", 1)[0]


def test_coordinator_adds_a_shift(coordinator_client, activity):
    factories_area = factories.area("translation")
    response = coordinator_client.post(
        create_url(activity),
        shift_form_data(
            activity,
            starts_at="2031-04-05T10:00",
            ends_at="2031-04-05T12:00",
            capacity="8",
            newcomer_places="2",
            required_areas=[factories_area.pk],
            required_languages=[factories.language("ar").pk],
        ),
    )
    assert response.status_code == 302
    shift = activity.shifts.get()
    assert (shift.starts_at, shift.ends_at) == (istanbul(2031, 4, 5, 10), istanbul(2031, 4, 5, 12))
    assert (shift.capacity, shift.newcomer_places) == (8, 2)
    assert list(shift.required_areas.all()) == [factories_area]
    assert list(shift.required_languages.all()) == [factories.language("ar")]


def test_shift_ending_before_it_starts_is_refused(coordinator_client, activity):
    response = coordinator_client.post(
        create_url(activity),
        shift_form_data(activity, starts_at="2031-04-05T12:00", ends_at="2031-04-05T10:00"),
    )
    assert "Bitiş, başlangıçtan sonra olmalı." in error_next_to(response, "ends_at")
    assert 'value="2031-04-05T12:00"' in response.content.decode()
    assert not Shift.objects.exists()


def test_capacity_below_zero_is_refused(coordinator_client, activity):
    response = coordinator_client.post(
        create_url(activity), shift_form_data(activity, capacity="-1")
    )
    assert "Kontenjan sıfırdan küçük olamaz." in error_next_to(response, "capacity")
    assert not Shift.objects.exists()


def test_the_service_refuses_a_negative_capacity_too(activity):
    with pytest.raises(ActivityError) as refused:
        planning.create_shift(
            activity=activity,
            starts_at=istanbul(2031, 4, 5, 10),
            ends_at=istanbul(2031, 4, 5, 11),
            capacity=-1,
        )
    assert refused.value.field == "capacity"


def test_a_capacity_of_zero_is_allowed_for_a_closed_slot(activity):
    shift = planning.create_shift(
        activity=activity,
        starts_at=istanbul(2031, 4, 5, 10),
        ends_at=istanbul(2031, 4, 5, 11),
        capacity=0,
    )
    assert shift.capacity == 0


def test_newcomer_places_cannot_exceed_capacity(coordinator_client, activity):
    response = coordinator_client.post(
        create_url(activity), shift_form_data(activity, capacity="2", newcomer_places="3")
    )
    assert "kontenjan arasında" in error_next_to(response, "newcomer_places")
    assert not Shift.objects.exists()


def test_shift_before_the_activity_starts_is_refused(coordinator_client, activity):
    response = coordinator_client.post(
        create_url(activity),
        shift_form_data(activity, starts_at="2031-04-05T08:00", ends_at="2031-04-05T10:00"),
    )
    assert "05.04.2031 09:00" in error_next_to(response, "starts_at")
    assert not Shift.objects.exists()


def test_shift_after_the_activity_ends_is_refused(coordinator_client, activity):
    response = coordinator_client.post(
        create_url(activity),
        shift_form_data(activity, starts_at="2031-04-05T17:00", ends_at="2031-04-05T19:00"),
    )
    assert "05.04.2031 18:00" in error_next_to(response, "ends_at")
    assert not Shift.objects.exists()


def test_overlapping_shift_is_refused(coordinator_client, activity):
    shift_at(activity, 10, 13)
    response = coordinator_client.post(
        create_url(activity),
        shift_form_data(activity, starts_at="2031-04-05T12:00", ends_at="2031-04-05T15:00"),
    )
    assert "çakışıyor" in error_next_to(response, "starts_at")
    assert activity.shifts.count() == 1


def test_shift_starting_when_another_ends_is_fine(activity):
    shift_at(activity, 10, 13)
    planning.create_shift(
        activity=activity,
        starts_at=istanbul(2031, 4, 5, 13),
        ends_at=istanbul(2031, 4, 5, 15),
        capacity=3,
    )
    assert activity.shifts.count() == 2


def test_shifts_of_other_activities_do_not_clash(activity):
    other = factories.ActivityFactory(starts_at=activity.starts_at, ends_at=activity.ends_at)
    shift_at(other, 10, 13)
    planning.create_shift(
        activity=activity,
        starts_at=istanbul(2031, 4, 5, 10),
        ends_at=istanbul(2031, 4, 5, 13),
        capacity=3,
    )
    assert activity.shifts.count() == 1


def test_moving_a_shift_within_its_own_time_is_not_a_clash(activity):
    shift = shift_at(activity, 10, 13)
    planning.update_shift(shift=shift, ends_at=istanbul(2031, 4, 5, 14))
    shift.refresh_from_db()
    assert shift.ends_at == istanbul(2031, 4, 5, 14)


def test_edit_into_another_shift_is_refused(coordinator_client, activity):
    shift_at(activity, 10, 12)
    shift = shift_at(activity, 14, 16)
    response = coordinator_client.post(
        edit_url(shift),
        shift_form_data(activity, starts_at="2031-04-05T11:00", ends_at="2031-04-05T15:00"),
    )
    assert "çakışıyor" in error_next_to(response, "starts_at")
    shift.refresh_from_db()
    assert shift.starts_at == istanbul(2031, 4, 5, 14)


def test_capacity_cannot_drop_below_current_confirmations(coordinator_client, activity):
    shift = shift_at(activity, 10, 12, capacity=5)
    factories.SignUpFactory.create_batch(2, shift=shift)
    factories.SignUpFactory(shift=shift, status=SignUp.Status.PENDING)
    response = coordinator_client.post(
        edit_url(shift),
        shift_form_data(
            activity,
            starts_at=typed(shift.starts_at),
            ends_at=typed(shift.ends_at),
            capacity="2",
        ),
    )
    assert "3 gönüllünün altına" in error_next_to(response, "capacity")
    shift.refresh_from_db()
    assert shift.capacity == 5


def test_capacity_can_drop_to_the_places_given_out(activity):
    shift = shift_at(activity, 10, 12, capacity=5)
    factories.SignUpFactory.create_batch(2, shift=shift)
    factories.SignUpFactory(shift=shift, status=SignUp.Status.WAITLISTED)
    planning.update_shift(shift=shift, capacity=2)
    shift.refresh_from_db()
    assert shift.capacity == 2


def test_edit_form_keeps_required_areas(coordinator_client, activity):
    shift = shift_at(activity, 10, 12)
    shift.required_areas.set([factories.area("translation")])
    coordinator_client.post(
        edit_url(shift),
        shift_form_data(
            activity,
            starts_at=typed(shift.starts_at),
            ends_at=typed(shift.ends_at),
            required_areas=[factories.area("workshops").pk],
        ),
    )
    assert list(shift.required_areas.all()) == [factories.area("workshops")]


def test_a_shift_with_sign_ups_cannot_be_deleted(coordinator_client, activity):
    shift = shift_at(activity, 10, 12)
    factories.SignUpFactory(shift=shift, status=SignUp.Status.WAITLISTED)
    response = coordinator_client.post(delete_url(shift), follow=True)
    assert "1 etkin kayıt var" in response.content.decode()
    assert Shift.objects.filter(pk=shift.pk).exists()


def test_an_empty_shift_is_deleted(coordinator_client, activity):
    shift = shift_at(activity, 10, 12)
    factories.SignUpFactory(shift=shift, status=SignUp.Status.CANCELLED)
    response = coordinator_client.post(delete_url(shift))
    assert response.status_code == 302
    assert not Shift.objects.filter(pk=shift.pk).exists()


def test_detail_shows_each_shifts_counts(coordinator_client, activity):
    shift = shift_at(activity, 10, 12, capacity=7)
    factories.SignUpFactory.create_batch(3, shift=shift)
    factories.SignUpFactory(shift=shift, status=SignUp.Status.PENDING)
    factories.SignUpFactory.create_batch(2, shift=shift, status=SignUp.Status.WAITLISTED)
    html = coordinator_client.get(reverse("planning:detail", args=[activity.pk])).content.decode()
    row = html.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    cells = [cell.split("</td>")[0].strip() for cell in row.split('<td class="numeric">')[1:]]
    assert cells[:4] == ["7", "3", "1", "2"]


def test_shift_times_are_on_izmir_clock_in_the_edit_form(coordinator_client, activity):
    shift = shift_at(activity, 10, 12)
    html = coordinator_client.get(edit_url(shift)).content.decode()
    assert 'value="2031-04-05T10:00"' in html
    assert shift.starts_at.astimezone(datetime.UTC).hour == 7


def test_raising_the_capacity_confirms_the_waitlist_and_tells_them(activity, run_on_commit):
    shift = shift_at(activity, 10, 12, capacity=1)
    factories.SignUpFactory(shift=shift)
    waiting = factories.SignUpFactory(shift=shift, status=SignUp.Status.WAITLISTED)
    with run_on_commit():
        planning.update_shift(shift=shift, capacity=2)
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [[waiting.volunteer.user.email]]
