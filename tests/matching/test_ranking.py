"""The ranking: hard rules keep people out, the parts of the score add up, each explained."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.activities.models import SignUp
from esit.matching import selectors
from esit.matching.models import Invitation
from esit.notifications import preferences
from esit.notifications.models import Preference
from esit.reference import availability
from esit.volunteers.models import Volunteer, VolunteerLanguage
from tests import factories
from tests.accounts.test_scope import scoped
from tests.matching.conftest import candidate, make_shift, match_of, past_shift, ranked_ids

pytestmark = pytest.mark.django_db


# Hard rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Volunteer.Status.PAUSED, Volunteer.Status.WITHDRAWN])
def test_a_volunteer_who_is_not_active_is_never_ranked(shift, status):
    kept = candidate()
    left_out = candidate("Ece", status=status)
    assert ranked_ids(shift) == [kept.pk]
    assert left_out.pk not in ranked_ids(shift)


def test_a_scoped_coordinator_sees_only_volunteers_of_her_scope(shift):
    inside = candidate(district="konak")
    candidate("Ece", district="bornova")
    coordinator = scoped(factories.StaffFactory(), districts=["konak"])
    assert ranked_ids(shift, user=coordinator) == [inside.pk]


@pytest.mark.parametrize("status", ["confirmed", "pending", "waitlisted"])
def test_a_volunteer_booked_at_an_overlapping_time_is_left_out(shift, status):
    busy = candidate()
    other = make_shift(start_hour=12)  # 12:00–15:00 overlaps 10:00–13:00
    factories.SignUpFactory(volunteer=busy, shift=other, status=status)
    assert busy.pk not in ranked_ids(shift)


def test_a_cancelled_booking_at_the_same_time_does_not_count(shift):
    free = candidate()
    factories.SignUpFactory(volunteer=free, shift=make_shift(start_hour=12), status="cancelled")
    assert free.pk in ranked_ids(shift)


def test_a_volunteer_already_signed_up_for_the_shift_is_left_out(shift):
    signed = candidate()
    factories.SignUpFactory(volunteer=signed, shift=shift)
    assert ranked_ids(shift) == []


def test_required_languages_are_all_needed(shift):
    shift.required_languages.set([factories.language("ar"), factories.language("en")])
    both = candidate()
    one = candidate("Ece")
    for lang in ("ar", "en"):
        VolunteerLanguage.objects.create(
            volunteer=both, language=factories.language(lang), level="fluent"
        )
    VolunteerLanguage.objects.create(
        volunteer=one, language=factories.language("ar"), level="native"
    )
    assert ranked_ids(shift) == [both.pk]


def test_a_required_area_is_needed_when_the_shift_names_some(shift):
    shift.required_areas.set([factories.area("translation"), factories.area("guidance")])
    translator = candidate(areas=("translation",))
    candidate("Ece", areas=("workshops",))
    assert ranked_ids(shift) == [translator.pk]


@pytest.mark.parametrize("kind", [selectors.INVITATION_KIND, Preference.ALL_OPTIONAL])
def test_a_volunteer_who_turned_invitations_off_is_left_out(shift, kind):
    quiet = candidate()
    if kind == Preference.ALL_OPTIONAL:
        preferences.set_all_optional(user=quiet.user, enabled=False)
    else:
        preferences.set_preference(user=quiet.user, kind_key=kind, enabled=False)
    assert ranked_ids(shift) == []


def test_nobody_already_invited_is_ranked_again(shift, coordinator):
    invited = candidate()
    Invitation.objects.create(
        shift=shift,
        volunteer=invited,
        invited_by=coordinator,
        sent_at=timezone.now(),
        expires_at=shift.starts_at,
        status=Invitation.Status.DECLINED,
    )
    assert ranked_ids(shift) == []


# The parts of the score ------------------------------------------------------------------------


def reasons(match) -> dict[str, int]:
    return {reason.key: reason.points for reason in match.reasons}


def test_every_part_is_explained_and_the_parts_add_up_to_the_score(shift):
    match = match_of(shift, candidate())
    parts = reasons(match)
    assert set(parts) == {
        "areas",
        "distance",
        "availability",
        "fair_share",
        "reliability",
        "first_timer",
    }
    assert sum(parts.values()) == match.score
    texts = [reason.text for reason in match.reasons]
    assert "Alanı eşleşiyor (Atölye çalışmaları): +30" in texts
    assert "Konak → Konak 0 km: +20" in texts
    assert "İlk kez katılacak: +10" in texts


def test_a_matching_area_counts(shift):
    assert reasons(match_of(shift, candidate(areas=("workshops",))))["areas"] == 30
    assert reasons(match_of(shift, candidate("Ece", areas=("guidance",))))["areas"] == 0


def test_a_nearer_district_ranks_higher_and_says_how_far(shift):
    near = candidate(district="bornova")
    far = candidate("Ece", district="bergama")
    near_match, far_match = match_of(shift, near), match_of(shift, far)
    assert reasons(near_match)["distance"] > reasons(far_match)["distance"]
    assert any(r.text.startswith("Bornova → Konak 10 km") for r in near_match.reasons), (
        near_match.summary
    )
    assert ranked_ids(shift)[:2] == [near.pk, far.pk]


def test_online_work_ignores_distance():
    shift = make_shift()
    shift.activity.address = ""
    shift.activity.online_url = "https://meet.example.org/esit"
    shift.activity.save()
    match = match_of(shift, candidate(district="bergama"))
    assert reasons(match)["distance"] == 0
    assert "Çevrim içi" in match.summary


def test_availability_counts_the_parts_of_the_day_the_shift_takes(shift):
    # 10:00–13:00 on a Wednesday takes the morning and the afternoon.
    both = candidate(week=availability.to_mask(["wed_morning", "wed_afternoon"]))
    morning = candidate("Ece", week=availability.to_mask(["wed_morning"]))
    never = candidate("Nil", week=availability.to_mask(["sat_evening"]))
    assert reasons(match_of(shift, both))["availability"] == 20
    assert reasons(match_of(shift, morning))["availability"] == 10
    assert reasons(match_of(shift, never))["availability"] == 0
    assert "2 gün bölümünden 1 tanesinde uygun" in match_of(shift, morning).summary
    assert "uygunluğu vardiyanın saatlerini kapsamıyor: +0" in match_of(shift, never).summary


def test_fewer_recent_hours_rank_higher(shift):
    rested = candidate()
    busy = candidate("Ece")
    factories.HoursEntryFactory(volunteer=busy, status="approved", hours=Decimal("8"))
    factories.HoursEntryFactory(
        volunteer=rested,
        status="approved",
        hours=8,
        date=timezone.localdate() - datetime.timedelta(days=200),  # long ago: not recent
    )
    assert reasons(match_of(shift, rested))["fair_share"] == 15
    assert reasons(match_of(shift, busy))["fair_share"] < 15
    assert "Son 90 günde 8 onaylı saat" in match_of(shift, busy).summary


def test_reliability_is_attended_against_no_shows_and_first_timers_get_a_lift(shift):
    reliable = candidate()
    absent = candidate("Ece")
    past = past_shift()
    factories.SignUpFactory(volunteer=reliable, shift=past, attendance=SignUp.Attendance.ATTENDED)
    factories.SignUpFactory(volunteer=absent, shift=past, attendance=SignUp.Attendance.NO_SHOW)
    newcomer = candidate("Nil")
    assert reasons(match_of(shift, reliable))["reliability"] == 15
    assert "first_timer" not in reasons(match_of(shift, reliable))
    assert reasons(match_of(shift, absent))["reliability"] == 0
    assert reasons(match_of(shift, newcomer))["reliability"] == 7
    assert reasons(match_of(shift, newcomer))["first_timer"] == 10
    assert "1 vardiyanın 1 tanesine geldi: +15" in match_of(shift, reliable).summary


def test_weights_are_settings(shift, settings):
    settings.MATCHING_WEIGHTS = {"areas": 50}
    assert reasons(match_of(shift, candidate()))["areas"] == 50


def test_ties_are_ordered_by_surname_then_name_then_id(shift):
    b = candidate("Ayşe", "Çelik")
    a = candidate("Zeynep", "Can")
    c = candidate("Ayşe", "Çelik")
    assert ranked_ids(shift) == [a.pk, b.pk, c.pk]


def test_filters_narrow_the_list(shift):
    bornova = candidate(district="bornova")
    konak = candidate("Ece", district="konak")
    VolunteerLanguage.objects.create(
        volunteer=konak, language=factories.language("ar"), level="basic"
    )
    work = selectors.work_of(shift)

    def ids(**chosen):
        filters = selectors.Filters(**chosen)
        return [m.volunteer.pk for m in selectors.ranked(work, user=None, filters=filters)]

    assert ids(district=factories.district("bornova")) == [bornova.pk]
    assert ids(language_id=factories.language("ar").pk) == [konak.pk]
    assert set(ids(first_timers=True)) == {bornova.pk, konak.pk}
    factories.SignUpFactory(volunteer=bornova, shift=past_shift(), attendance="attended")
    assert ids(first_timers=True) == [konak.pk]


def test_tasks_are_matched_without_time_rules():
    task = factories.TaskFactory()
    task.required_areas.set([factories.area("translation")])
    translator = candidate(areas=("translation",))
    match = match_of(task, translator)
    assert match is not None
    assert "availability" not in reasons(match)


def test_the_number_of_queries_does_not_grow_with_the_number_of_volunteers(shift):
    def queries_for(count: int) -> int:
        for n in range(count):
            volunteer = candidate(f"Kişi{n}", district=["konak", "bornova", "buca"][n % 3])
            if n % 2:
                VolunteerLanguage.objects.create(
                    volunteer=volunteer, language=factories.language("en"), level="fluent"
                )
                factories.HoursEntryFactory(volunteer=volunteer, status="approved")
        with CaptureQueriesContext(connection) as queries:
            matches = selectors.ranked(selectors.work_of(shift), user=None)
            for match in matches:
                assert match.summary
        return len(queries)

    small = queries_for(3)
    large = queries_for(27)  # 30 in all
    assert small == large
