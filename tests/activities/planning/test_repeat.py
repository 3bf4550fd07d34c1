"""Weekly repeating shifts: same weekday and wall-clock time, clashes skipped and counted."""

import datetime

import pytest
from django.urls import reverse

from esit.activities.models import Shift
from esit.activities.services import planning
from esit.activities.services.errors import ActivityError
from tests import factories
from tests.activities.planning.conftest import istanbul


@pytest.fixture
def shift(db):
    # A Thursday slot, 14:00-16:00 in İzmir, inside a season that runs three months.
    activity = factories.ActivityFactory(
        starts_at=istanbul(2031, 1, 2, 9), ends_at=istanbul(2031, 3, 31, 18)
    )
    return factories.ShiftFactory(
        activity=activity,
        starts_at=istanbul(2031, 1, 2, 14),
        ends_at=istanbul(2031, 1, 2, 16),
        capacity=4,
    )


def repeat_url(shift) -> str:
    return reverse("planning:shift_repeat", args=[shift.activity_id, shift.pk])


def starts(activity) -> list[datetime.datetime]:
    return list(activity.shifts.order_by("starts_at").values_list("starts_at", flat=True))


def test_repeat_for_three_weeks_creates_three_copies_at_the_same_wall_clock(shift):
    shift.required_languages.set([factories.language("ar")])
    created = planning.repeat_shift_weekly(shift=shift, weeks=3)
    assert len(created) == 3
    assert starts(shift.activity) == [
        istanbul(2031, 1, 2, 14),
        istanbul(2031, 1, 9, 14),
        istanbul(2031, 1, 16, 14),
        istanbul(2031, 1, 23, 14),
    ]
    for copy in created:
        assert copy.ends_at - copy.starts_at == datetime.timedelta(hours=2)
        assert copy.capacity == 4
        assert list(copy.required_languages.all()) == [factories.language("ar")]


def test_repeat_skips_a_week_that_already_has_a_shift(shift):
    factories.ShiftFactory(
        activity=shift.activity,
        starts_at=istanbul(2031, 1, 9, 15),
        ends_at=istanbul(2031, 1, 9, 18),
    )
    created = planning.repeat_shift_weekly(shift=shift, weeks=3)
    assert len(created) == 2
    assert created.skipped == 1
    assert [copy.starts_at for copy in created] == [
        istanbul(2031, 1, 16, 14),
        istanbul(2031, 1, 23, 14),
    ]


def test_repeat_until_a_date_includes_that_day(shift):
    created = planning.repeat_shift_weekly(shift=shift, until=datetime.date(2031, 1, 23))
    assert [copy.starts_at.date() for copy in created] == [
        datetime.date(2031, 1, 9),
        datetime.date(2031, 1, 16),
        datetime.date(2031, 1, 23),
    ]


def test_repeat_until_less_than_a_week_later_is_refused(shift):
    with pytest.raises(ActivityError) as refused:
        planning.repeat_shift_weekly(shift=shift, until=datetime.date(2031, 1, 8))
    assert refused.value.field == "until"
    assert shift.activity.shifts.count() == 1


def test_repeat_past_the_activitys_end_is_refused_as_a_whole(shift):
    with pytest.raises(ActivityError) as refused:
        planning.repeat_shift_weekly(shift=shift, weeks=20)
    assert refused.value.field == "weeks"
    assert "31.03.2031" in refused.value.message
    assert shift.activity.shifts.count() == 1


@pytest.mark.parametrize("weeks", [0, 53])
def test_repeat_outside_one_to_fifty_two_weeks_is_refused(shift, weeks):
    with pytest.raises(ActivityError):
        planning.repeat_shift_weekly(shift=shift, weeks=weeks)
    assert Shift.objects.count() == 1


@pytest.mark.parametrize(
    "asked", [{}, {"weeks": 2, "until": datetime.date(2031, 1, 30)}], ids=["neither", "both"]
)
def test_repeat_takes_either_weeks_or_a_date_never_both_or_neither(shift, asked):
    with pytest.raises(ActivityError) as refused:
        planning.repeat_shift_weekly(shift=shift, **asked)
    assert "ikisini birden değil" in refused.value.message
    assert Shift.objects.count() == 1


def test_repeat_page_reports_created_and_skipped_weeks(coordinator_client, shift):
    factories.ShiftFactory(
        activity=shift.activity,
        starts_at=istanbul(2031, 1, 16, 13),
        ends_at=istanbul(2031, 1, 16, 15),
    )
    response = coordinator_client.post(repeat_url(shift), {"weeks": "4"}, follow=True)
    html = response.content.decode()
    assert "3 haftalık vardiya eklendi." in html
    assert "1 hafta, o saatte zaten bir vardiya olduğu için atlandı." in html
    assert shift.activity.shifts.count() == 5


def test_repeat_page_refuses_both_weeks_and_a_date(coordinator_client, shift):
    response = coordinator_client.post(repeat_url(shift), {"weeks": "2", "until": "2031-01-30"})
    assert response.status_code == 200
    assert 'id="id_until_error"' in response.content.decode()
    assert shift.activity.shifts.count() == 1


def test_repeat_page_refuses_fifty_three_weeks_next_to_the_field(coordinator_client, shift):
    response = coordinator_client.post(repeat_url(shift), {"weeks": "53"})
    assert "1 ile 52 arasında" in response.content.decode().split('id="id_weeks_error">')[1]
    assert shift.activity.shifts.count() == 1


def test_repeat_page_shows_the_activity_end_next_to_the_weeks(coordinator_client, shift):
    response = coordinator_client.post(repeat_url(shift), {"weeks": "30"})
    assert "31.03.2031" in response.content.decode().split('id="id_weeks_error">')[1]
    assert shift.activity.shifts.count() == 1
