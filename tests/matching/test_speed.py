"""The faster ordering gives the same results as before (issue 9, "Speed").

The ordering query was made faster (docs/performance.md, "Matching for one shift"): the
shifts at an overlapping time are read first, and reliability and the first-timer lift
come from one subquery. `before` below is the ordering as it was written until then, kept
here as the reference: for the same data, `ranked` must give the same volunteers, in the
same order, with the same scores.
"""

import datetime

import pytest
from django.db.models import Exists, OuterRef
from hypothesis import given
from hypothesis import strategies as st

from esit.activities.models import SignUp
from esit.matching import selectors
from esit.matching.models import Invitation
from esit.volunteers.models import Volunteer
from tests import factories
from tests.matching.conftest import make_shift
from tests.matching.test_properties import EXAMPLES, in_savepoint, make, profiles

pytestmark = pytest.mark.django_db


def before(work: selectors.Work) -> list[tuple[int, int]]:
    """(id, score) of every candidate, best first, the way the ordering was computed until
    the speed work: the overlap joined to the shifts' times, each part's own subquery."""
    shift = work.shift
    assert shift is not None
    queryset = (
        Volunteer.objects.filter(status=Volunteer.Status.ACTIVE)
        .exclude(selectors._invitations_off())
        .exclude(
            Exists(
                SignUp.objects.filter(
                    volunteer_id=OuterRef("pk"),
                    status__in=SignUp.ACTIVE_STATUSES,
                    shift__starts_at__lt=shift.ends_at,
                    shift__ends_at__gt=shift.starts_at,
                )
            )
        )
        .exclude(Exists(Invitation.objects.filter(volunteer_id=OuterRef("pk"), shift=shift)))
    )
    return list(
        queryset.annotate(score=selectors.score_of(work))
        .order_by("-score", "name_key", "pk")
        .values_list("pk", "score")
    )


def now_ranked(work: selectors.Work, limit: int = 1000) -> list[tuple[int, int]]:
    return [(m.volunteer.pk, m.score) for m in selectors.ranked(work, user=None, limit=limit)]


def with_bookings(people, surnames: int) -> None:
    """Each (profile, bookings) as a volunteer ("Ayşe Öz<n mod surnames>": ties by name)
    with her sign-ups on shifts of their own."""
    for n, (profile, booked) in enumerate(people):
        volunteer = make(profile, "Ayşe", f"Öz{n % surnames}")
        for hour, hours, status in booked:
            other = make_shift(start_hour=hour, hours=hours)
            factories.SignUpFactory(volunteer=volunteer, shift=other, status=status)


bookings = st.lists(
    st.tuples(
        st.integers(min_value=6, max_value=15),  # starts at (the shift runs 10:00–13:00)
        st.integers(min_value=1, max_value=4),  # hours
        st.sampled_from(["confirmed", "pending", "waitlisted", "cancelled"]),
    ),
    max_size=2,
)


@EXAMPLES
@given(people=st.lists(st.tuples(profiles, bookings), min_size=1, max_size=6))
def test_the_ranking_is_the_same_as_before_the_speed_work(people):
    shift = make_shift(district="konak", areas=("workshops", "translation"))

    def build():
        with_bookings(people, surnames=3)
        work = selectors.work_of(shift)
        return before(work), now_ranked(work)

    expected, found = in_savepoint(build)
    assert found == expected


def test_a_booking_that_ends_when_the_shift_starts_does_not_overlap():
    shift = make_shift(start_hour=10, hours=3)
    volunteer = make(
        {
            "district": "konak",
            "areas": ["workshops"],
            "week": 0,
            "hours": [],
            "attended": 0,
            "no_show": 0,
            "arabic": None,
        }
    )
    earlier = make_shift(start_hour=7, hours=3)  # 07:00–10:00
    factories.SignUpFactory(volunteer=volunteer, shift=earlier, status="confirmed")
    work = selectors.work_of(shift)
    assert [pk for pk, _score in now_ranked(work)] == [volunteer.pk]
    assert now_ranked(work) == before(work)
    assert earlier.ends_at == shift.starts_at
    assert shift.ends_at - shift.starts_at == datetime.timedelta(hours=3)


@EXAMPLES
@given(
    people=st.lists(st.tuples(profiles, bookings), min_size=1, max_size=8),
    limit=st.integers(min_value=1, max_value=4),
)
def test_the_best_few_are_the_first_few_of_ranking_everyone(people, limit):
    """The ordering reads the candidates with the most work points first and stops when
    nobody else can reach the list (selectors._best): the list is still exactly the first
    `limit` of ranking every candidate, ties by name included."""
    shift = make_shift(district="konak", areas=("workshops", "translation"))

    def build():
        with_bookings(people, surnames=2)
        work = selectors.work_of(shift)
        return before(work)[:limit], now_ranked(work, limit)

    expected, found = in_savepoint(build)
    assert found == expected


def test_the_tiers_begin_where_the_commonly_best_can_prove_the_list():
    """With the default weights her own points are at most 32 (fair share 15, half the
    reliability weight 7 and the first-timer lift 10) where the commonly best have 30: the
    first tier takes work points from 2 below the highest; the next as many below as her
    own points can make up; the last the rest."""
    shift = make_shift(district="konak", areas=("workshops",))
    work = selectors.work_of(shift)
    reach = selectors._reach(work, selectors._district_slugs())
    tiers = selectors._tiers(reach, selectors.weights())
    highest = reach.levels()[0]
    assert highest == 30 + 20 + 20  # areas, distance (her own district), availability
    assert [(lowest, below) for lowest, below, _top in tiers] == [
        (highest - 2, None),
        (highest - 2 - 32, highest - 2),
        (None, highest - 2 - 32),
    ]
    assert reach.districts_reaching(highest) == [factories.district("konak").pk]
