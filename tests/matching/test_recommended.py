"""/me/: "recommended for you", ranked by the same parts, each with its reason, and "not
interested" hides one."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from esit.matching import selectors
from esit.matching.models import Dismissal
from esit.reference import availability
from esit.volunteers.models import VolunteerLanguage
from tests import factories
from tests.matching.conftest import candidate, make_shift

pytestmark = pytest.mark.django_db


@pytest.fixture
def deniz(db):
    return candidate(
        district="bornova",
        areas=("workshops",),
        week=availability.to_mask(["wed_morning", "wed_afternoon"]),
    )


def test_open_shifts_are_ranked_for_her_with_reasons(deniz):
    near = make_shift(district="bornova")
    far = make_shift(district="bergama", areas=("guidance",))
    found = selectors.recommendations(deniz)
    assert [item.shift for item in found] == [near, far]
    texts = [reason.text for reason in found[0].reasons]
    assert "Alanlarınızdan biri için: +30" in texts
    assert "Bornova → Bornova 0 km: +20" in texts
    assert "Haftalık uygunluğunuza uyuyor: +20" in texts


def test_the_day_parts_count_for_her_as_for_the_coordinator(deniz):
    evening = make_shift(district="bornova", start_hour=19)
    morning = make_shift(district="bornova", start_hour=9)
    scores = {item.shift: item.score for item in selectors.recommendations(deniz)}
    assert scores[morning] - scores[evening] == 20


def test_what_she_cannot_take_is_not_recommended(deniz):
    full = make_shift(capacity=1)
    factories.SignUpFactory(shift=full)
    languages = make_shift()
    languages.required_languages.set([factories.language("ar")])
    mine = make_shift()
    factories.SignUpFactory(shift=mine, volunteer=deniz)
    clash = make_shift(start_hour=11)
    started = make_shift()
    started.starts_at = timezone.now() - datetime.timedelta(hours=1)
    started.save()
    found = {item.shift for item in selectors.recommendations(deniz, limit=50)}
    assert not found & {full, languages, mine, clash, started}


def test_full_shifts_ranked_first_do_not_take_the_places_of_free_ones(deniz):
    # The database keeps AVAILABILITY_RERANK times the list's length, counting places only
    # for the shifts it reads in order (selectors._first_with_a_free_place): more full
    # shifts than that, ranked first, must not crowd out the free ones behind them.
    full = [
        make_shift(district="bornova", capacity=1) for _ in range(selectors.AVAILABILITY_RERANK + 2)
    ]
    for shift in full:
        factories.SignUpFactory(shift=shift, status="pending")  # pending holds a place too
    freed = make_shift(district="bornova", capacity=1)
    factories.SignUpFactory(shift=freed, status="cancelled")
    factories.SignUpFactory(shift=freed, status="waitlisted")
    far = make_shift(district="bergama")
    assert [item.shift for item in selectors.recommendations(deniz, limit=1)] == [freed]
    assert [item.shift for item in selectors.recommendations(deniz, limit=2)] == [freed, far]


def test_her_areas_and_languages_score_from_the_shift_or_its_activity(deniz):
    # Areas: one of hers among the shift's required areas, or, when it requires none, among
    # its activity's. Languages: none required scores 0; required ones she speaks at a low
    # level score half, well the whole weight.
    VolunteerLanguage.objects.create(
        volunteer=deniz, language=factories.language("ar"), level="basic"
    )
    VolunteerLanguage.objects.create(
        volunteer=deniz, language=factories.language("en"), level="fluent"
    )
    w = selectors.weights()
    plain = make_shift(district="bornova", areas=("guidance",))
    by_activity = make_shift(district="bornova", areas=("workshops",))
    required = make_shift(district="bornova", areas=("guidance",))
    required.required_areas.set([factories.area("workshops"), factories.area("campaigns")])
    arabic = make_shift(district="bornova", areas=("guidance",))
    arabic.required_languages.set([factories.language("ar")])
    english = make_shift(district="bornova", areas=("guidance",))
    english.required_languages.set([factories.language("en")])
    scores = {item.shift: item.score for item in selectors.recommendations(deniz, limit=50)}
    assert scores[by_activity] - scores[plain] == w["areas"]
    assert scores[required] - scores[plain] == w["areas"]
    assert scores[arabic] - scores[plain] == w["languages"] // 2
    assert scores[english] - scores[plain] == w["languages"]


def test_open_tasks_are_recommended_too(deniz):
    task = factories.TaskFactory()
    task.required_areas.set([factories.area("workshops")])
    assert [item.task for item in selectors.recommendations(deniz)] == [task]


def test_the_me_page_shows_recommendations_and_not_interested_hides_one(client, deniz):
    shift = make_shift(district="bornova")
    client.force_login(deniz.user)
    page = client.get(reverse("volunteers:dashboard")).content.decode()
    assert "Sizin için önerilenler" in page
    assert shift.activity.title_tr in page
    response = client.post(reverse("matching:dismiss"), {"shift": shift.pk})
    assert response.status_code == 302
    assert Dismissal.objects.filter(volunteer=deniz, shift=shift).exists()
    assert (
        shift.activity.title_tr not in client.get(reverse("volunteers:dashboard")).content.decode()
    )


def test_not_interested_with_htmx_answers_the_item_that_says_so(client, deniz):
    # In place of the item: the message, focused where the button was (read out there).
    shift = make_shift()
    client.force_login(deniz.user)
    response = client.post(
        reverse("matching:dismiss"), {"shift": shift.pk}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<li ")
    assert "autofocus" in html
    assert "Bu öneriyi listenizden kaldırdık." in html
    assert Dismissal.objects.filter(volunteer=deniz, shift=shift).exists()


def test_a_bad_dismissal_changes_nothing(client, deniz):
    client.force_login(deniz.user)
    response = client.post(reverse("matching:dismiss"), {"shift": "nope"})
    assert response.status_code == 302
    assert not Dismissal.objects.exists()


def test_the_list_is_read_in_a_fixed_number_of_queries(deniz):
    def count(shifts: int) -> int:
        for _ in range(shifts):
            make_shift()
            factories.TaskFactory()
        with CaptureQueriesContext(connection) as queries:
            selectors.recommendations(deniz, limit=50)
        return len(queries)

    assert count(2) == count(10)


def test_exactly_the_shifts_overlapping_one_of_her_bookings_are_left_out(deniz):
    # Overlapping, nested, touching and lone bookings: her busy times are merged into
    # periods and each shift is searched among them (selectors._overlaps_any).
    booked = [(8, 2), (9, 3), (10, 1), (14, 1), (15, 1), (20, 1)]
    for start_hour, hours in booked:
        factories.SignUpFactory(
            shift=make_shift(start_hour=start_hour, hours=hours), volunteer=deniz
        )
    offered = {hour: make_shift(start_hour=hour, hours=1) for hour in range(6, 23)}
    found = {item.shift for item in selectors.recommendations(deniz, limit=100)}

    def clashes(hour: int) -> bool:
        return any(start < hour + 1 and start + hours > hour for start, hours in booked)

    assert {hour for hour, shift in offered.items() if shift in found} == {
        hour for hour in offered if not clashes(hour)
    }
