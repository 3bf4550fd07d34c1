"""The staff hours queue keeps its results rendered per scope, language and query, and
anything a row shows changes them at once: an entry written or decided, a volunteer's name,
an activity's title, an erasure. The form around the rows (its token, a refused decision's
ticks) is the reader's own, and a row that says "not yet approvable" is kept no longer than
until its shift ends."""

import datetime

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.activities.models import HoursEntry
from esit.activities.services.attendance import check_in
from esit.activities.services.hours import approve_hours
from esit.core import personal_data_registry as registry
from esit.core.kept_lists import kept_until
from esit.kvkk import services as kvkk
from tests import factories
from tests.accounts.test_scope import scoped
from tests.activities.signups.conftest import make_shift

from .conftest import days_ago

pytestmark = pytest.mark.django_db

QUEUE = "/staff/hours/"


def entry(first_name: str, **fields) -> HoursEntry:
    volunteer = factories.VolunteerFactory(
        first_name=first_name, user=factories.UserFactory(first_name=first_name)
    )
    fields.setdefault("date", days_ago(3))
    return factories.HoursEntryFactory(volunteer=volunteer, **fields)


def page(client, **query) -> str:
    return client.get(QUEUE, query).content.decode()


def entry_queries(queries) -> list[dict]:
    return [q for q in queries.captured_queries if 'FROM "activities_hoursentry"' in q["sql"]]


def test_a_second_reading_does_not_read_the_entries_again(coordinator_client):
    entry("Ayla", description="Çeviri provası")
    page(coordinator_client)
    with CaptureQueriesContext(connection) as queries:
        again = page(coordinator_client)
    assert "Çeviri provası" in again
    assert entry_queries(queries) == []


def test_a_new_entry_and_a_changed_one_show_at_once(coordinator_client):
    first = entry("Ayla", description="İlk tarif")
    assert "İlk tarif" in page(coordinator_client)
    entry("Burcu", description="Atölye hazırlığı")
    first.description = "Düzeltilmiş tarif"
    first.save()
    html = page(coordinator_client)
    assert "Atölye hazırlığı" in html
    assert "Düzeltilmiş tarif" in html
    assert "İlk tarif" not in html


def test_a_decision_takes_the_entry_off_the_waiting_queue_at_once(coordinator_client, coordinator):
    waiting = entry("Ayla", description="Saha araştırması")
    assert "Saha araştırması" in page(coordinator_client)
    approve_hours(entries=[waiting], by=coordinator)
    assert "Saha araştırması" not in page(coordinator_client)
    assert "Saha araştırması" in page(coordinator_client, status="approved")


def test_a_renamed_volunteer_shows_by_her_new_name(coordinator_client):
    mine = entry("Ayla")
    assert "Ayla" in page(coordinator_client)
    mine.volunteer.first_name = "Işıl"
    mine.volunteer.save(update_fields=["first_name"])
    html = page(coordinator_client)
    assert "Işıl" in html
    assert "Ayla" not in html


def test_a_volunteer_saved_without_her_names_or_district_leaves_the_copy(coordinator_client):
    mine = entry("Ayla")
    page(coordinator_client)
    mine.volunteer.calendar_token = "yeni-belirtec"
    mine.volunteer.save(update_fields=["calendar_token"])
    with CaptureQueriesContext(connection) as queries:
        page(coordinator_client)
    assert entry_queries(queries) == []


def test_a_renamed_activity_shows_at_once(coordinator_client):
    activity = factories.ActivityFactory(title_tr="Kadın hakları atölyesi")
    entry("Ayla", activity=activity)
    assert "Kadın hakları atölyesi" in page(coordinator_client)
    activity.title_tr = "Eşitlik atölyesi"
    activity.save()
    assert "Eşitlik atölyesi" in page(coordinator_client)


def test_coordinators_of_different_scopes_do_not_share_a_copy(client, coordinator_client):
    entry("Çeviri", area=factories.area("translation"))
    entry("Saha", area=factories.area("field-research"))
    everyone = page(coordinator_client)
    assert "Çeviri" in everyone
    assert "Saha" in everyone
    client.force_login(scoped(factories.StaffFactory(), areas=["translation"]))
    hers = page(client)
    assert "Çeviri Yılmaz" in hers
    assert "Saha Yılmaz" not in hers


def test_each_language_has_its_own_copy(coordinator_client):
    entry("Ayla", area=None)
    assert "Alan belirtilmemiş" in page(coordinator_client)
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "No area given" in page(coordinator_client)


def test_the_erasures_update_of_her_texts_changes_the_queue_by_itself(coordinator_client):
    hers = entry("Ayla", description="Kişisel not")
    assert "Kişisel not" in page(coordinator_client)
    registry.declaration_of(HoursEntry).anonymise(kvkk.subject_of_user(hers.volunteer.user))
    assert "Kişisel not" not in page(coordinator_client)


def test_a_refused_decision_shows_her_ticks_though_a_copy_is_kept(coordinator_client):
    mine = entry("Ayla")
    page(coordinator_client)
    response = coordinator_client.post(
        "/staff/hours/review/", {"entries": [str(mine.pk)], "decision": ""}
    )
    assert response.status_code == 200
    assert f'value="{mine.pk}" id="select-{mine.pk}" checked' in response.content.decode()
    assert f'id="select-{mine.pk}" checked' not in page(coordinator_client)


def test_a_copy_that_says_not_yet_approvable_is_kept_no_longer_than_the_shift(settings):
    settings.STAFF_LIST_CACHE_SECONDS = 120
    now = timezone.now()
    assert kept_until(None) == 120
    assert 29 <= kept_until(now + datetime.timedelta(seconds=30)) <= 30
    assert kept_until(now + datetime.timedelta(hours=2)) == 120
    assert kept_until(now - datetime.timedelta(seconds=5)) == 1


def test_the_copy_ends_when_the_running_shift_ends(coordinator_client, coordinator, settings):
    # Local memory, whose entries say when they expire (Redis keeps that to itself).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    shift = make_shift(starts_in_hours=-1, length_hours=1 + 1 / 60)  # ends in a minute
    signup = factories.SignUpFactory(shift=shift)
    check_in(shift=shift, code=signup.volunteer.checkin_code, by=coordinator)
    assert "Henüz onaylanamaz" in page(coordinator_client)
    # The shift ends (the clock, not a save): the kept copy is not read past that moment.
    [kept] = [key for key in caches["default"]._cache if ":kept-list:" in key]
    assert caches["default"]._expire_info[kept] <= shift.ends_at.timestamp() + 1


def test_none_is_kept_when_the_setting_is_zero(coordinator_client, settings):
    settings.STAFF_LIST_CACHE_SECONDS = 0
    entry("Ayla")
    page(coordinator_client)
    with CaptureQueriesContext(connection) as queries:
        page(coordinator_client)
    assert entry_queries(queries) != []


@pytest.mark.parametrize("requires", ["shift", "task"])
def test_an_activity_coming_into_her_scope_by_a_required_area_shows_its_hours_at_once(
    client, requires
):
    # An activity is in a coordinator's scope by its own areas or by those its shifts and
    # tasks require (selectors/scope.py): setting them is an m2m change, not a save.
    shift = make_shift(activity__areas=[factories.area("field-research")])
    factories.HoursEntryFactory(
        volunteer=factories.VolunteerFactory(first_name="Çeviren"),
        activity=shift.activity,
        area=factories.area("field-research"),
        date=days_ago(3),
    )
    work = shift if requires == "shift" else factories.TaskFactory(activity=shift.activity)
    client.force_login(scoped(factories.StaffFactory(), areas=["translation"]))
    assert "Çeviren" not in page(client)
    work.required_areas.add(factories.area("translation"))
    assert "Çeviren" in page(client)
