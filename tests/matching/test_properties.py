"""Properties of the ranking, over many generated volunteers (Hypothesis).

Each example builds its volunteers inside a savepoint that is rolled back at its end, so
examples never see each other's rows.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esit.matching import selectors
from esit.notifications import preferences
from esit.reference import availability
from esit.volunteers.models import Volunteer, VolunteerLanguage
from tests import factories
from tests.accounts.test_scope import scoped
from tests.matching.conftest import candidate, make_shift, past_shift

pytestmark = pytest.mark.django_db

DISTRICTS = ["konak", "bornova", "buca", "bergama", "cesme", "online", "outside-izmir"]
AREAS = ["workshops", "translation", "guidance", "campaigns"]
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

profiles = st.fixed_dictionaries(
    {
        "district": st.sampled_from(DISTRICTS),
        "areas": st.lists(st.sampled_from(AREAS), min_size=1, max_size=3, unique=True),
        "week": st.integers(min_value=0, max_value=availability.ALL),
        "hours": st.lists(st.integers(min_value=1, max_value=12), max_size=3),
        "attended": st.integers(min_value=0, max_value=3),
        "no_show": st.integers(min_value=0, max_value=3),
        "arabic": st.sampled_from([None, "basic", "fluent"]),
    }
)


class Rollback(Exception):
    pass


def in_savepoint(build):
    """Run `build()` in a savepoint rolled back afterwards; return what it returned."""
    result = []
    try:
        with transaction.atomic():
            result.append(build())
            raise Rollback
    except Rollback:
        pass
    return result[0]


def make(profile, name="Deniz", surname="Aydın") -> Volunteer:
    volunteer = candidate(
        name, surname, district=profile["district"], areas=profile["areas"], week=profile["week"]
    )
    for hours in profile["hours"]:
        factories.HoursEntryFactory(volunteer=volunteer, status="approved", hours=hours)
    for _ in range(profile["attended"]):
        factories.SignUpFactory(volunteer=volunteer, shift=past_shift(), attendance="attended")
    for _ in range(profile["no_show"]):
        factories.SignUpFactory(volunteer=volunteer, shift=past_shift(), attendance="no_show")
    if profile["arabic"]:
        VolunteerLanguage.objects.create(
            volunteer=volunteer, language=factories.language("ar"), level=profile["arabic"]
        )
    return volunteer


def score_of(shift, volunteer) -> int | None:
    work = selectors.work_of(shift)
    found = selectors.ranked(work, user=None, only_ids=[volunteer.pk], limit=1)
    return found[0].score if found else None


@pytest.fixture
def shift(db):
    return make_shift(district="konak", areas=("workshops", "translation"))


breaks = st.fixed_dictionaries(
    {
        "status": st.sampled_from(["active", "active", "paused", "withdrawn"]),
        "outside_scope": st.booleans(),
        "booked_at_the_time": st.booleans(),
        "lacks_language": st.booleans(),
        "invitations_off": st.booleans(),
        "already_invited": st.booleans(),
    }
)


@EXAMPLES
@given(profile=profiles, rules=breaks)
def test_a_volunteer_who_breaks_a_hard_rule_never_appears(shift, profile, rules):
    shift.required_languages.set([factories.language("ar")])
    coordinator = scoped(factories.StaffFactory(), districts=["konak", "bornova", "buca"])

    def build():
        profile_ = {**profile, "arabic": None if rules["lacks_language"] else "fluent"}
        profile_["district"] = "cesme" if rules["outside_scope"] else "bornova"
        volunteer = make(profile_)
        Volunteer.objects.filter(pk=volunteer.pk).update(status=rules["status"])
        if rules["booked_at_the_time"]:
            factories.SignUpFactory(volunteer=volunteer, shift=make_shift(start_hour=11))
        if rules["invitations_off"]:
            preferences.set_preference(
                user=volunteer.user, kind_key=selectors.INVITATION_KIND, enabled=False
            )
        if rules["already_invited"]:
            from esit.matching.models import Invitation

            Invitation.objects.create(
                shift=shift, volunteer=volunteer, sent_at=timezone.now(), expires_at=shift.starts_at
            )
        ids = [m.volunteer.pk for m in selectors.ranked(selectors.work_of(shift), user=coordinator)]
        return volunteer.pk in ids

    appears = in_savepoint(build)
    breaks_one = rules["status"] != "active" or any(rules[key] for key in rules if key != "status")
    assert appears == (not breaks_one)


@EXAMPLES
@given(profile=profiles, extra=st.sampled_from(["workshops", "translation"]))
def test_adding_a_matching_area_never_lowers_a_score(shift, profile, extra):
    def build():
        volunteer = make(profile)
        before = score_of(shift, volunteer)
        volunteer.areas.add(factories.area(extra))
        return before, score_of(shift, volunteer)

    before, after = in_savepoint(build)
    assert before is not None
    assert after is not None
    assert after >= before


@EXAMPLES
@given(profile=profiles, more=st.integers(min_value=1, max_value=24))
def test_more_recent_hours_never_raise_a_score(shift, profile, more):
    def build():
        volunteer = make(profile)
        before = score_of(shift, volunteer)
        factories.HoursEntryFactory(
            volunteer=volunteer,
            status="approved",
            hours=Decimal(more),
            date=timezone.localdate() - datetime.timedelta(days=1),
        )
        return before, score_of(shift, volunteer)

    before, after = in_savepoint(build)
    assert after <= before


@EXAMPLES
@given(
    people=st.lists(profiles, min_size=2, max_size=6),
    names=st.lists(
        st.sampled_from(["Can", "Çelik", "Işık", "İnce", "Öz", "Şahin"]), min_size=6, max_size=6
    ),
)
def test_the_order_is_stable_and_follows_score_then_name_then_id(shift, people, names):
    def build():
        for n, profile in enumerate(people):
            make(profile, "Ayşe", names[n])
        work = selectors.work_of(shift)
        first = selectors.ranked(work, user=None)
        second = selectors.ranked(work, user=None)
        return first, second

    first, second = in_savepoint(build)
    assert [m.volunteer.pk for m in first] == [m.volunteer.pk for m in second]
    keys = [(-m.score, m.volunteer.name_key, m.volunteer.pk) for m in first]
    assert keys == sorted(keys)
    assert all(sum(r.points for r in m.reasons) == m.score for m in first)
