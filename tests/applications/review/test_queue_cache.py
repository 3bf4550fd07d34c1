"""The application queue keeps its results rendered per scope, language and query, and
anything a row shows changes them at once: an application sent, decided, corrected or
erased, its areas and languages, and whether its address is a former volunteer's. The ages
shown are today's: a copy is kept no longer than until midnight."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from esit.applications import services
from esit.applications.filters import QueueFilter
from esit.applications.selectors import review_queue
from esit.applications.views.review import _results
from esit.kvkk import services as kvkk
from esit.volunteers import services as volunteer_services
from tests import factories
from tests.accounts.test_scope import scoped
from tests.factories import ApplicationFactory, VolunteerFactory

from .conftest import listed_names

pytestmark = pytest.mark.django_db


def application_queries(queries) -> list[dict]:
    return [q for q in queries.captured_queries if 'FROM "applications_application"' in q["sql"]]


def table(client, queue_url) -> str:
    html = client.get(queue_url).content.decode()
    return html[html.index("<tbody>") : html.index("</tbody>")]


def test_a_second_reading_does_not_read_the_applications_again(coordinator_client, queue_url):
    ApplicationFactory(first_name="Ayşe", last_name="Işık")
    coordinator_client.get(queue_url)
    with CaptureQueriesContext(connection) as queries:
        again = coordinator_client.get(queue_url)
    assert listed_names(again) == ["Ayşe Işık"]
    assert application_queries(queries) == []


def test_a_new_application_and_a_decision_show_at_once(coordinator_client, queue_url, coordinator):
    first = ApplicationFactory(first_name="Ayşe", last_name="Işık")
    coordinator_client.get(queue_url)
    ApplicationFactory(first_name="Berna", last_name="Çelik")
    assert set(listed_names(coordinator_client.get(queue_url))) == {"Ayşe Işık", "Berna Çelik"}
    services.reject_application(application=first, by=coordinator, reason="Yaş sınırı.")
    shown = coordinator_client.get(queue_url, {"status": "submitted"})
    assert listed_names(shown) == ["Berna Çelik"]


def test_new_areas_and_languages_show_at_once(coordinator_client, queue_url):
    application = ApplicationFactory(areas=[factories.area("translation")], languages=[])
    field, arabic = factories.area("field-research"), factories.language("ar")
    assert field.name_tr not in table(coordinator_client, queue_url)
    application.areas.add(field)
    assert field.name_tr in table(coordinator_client, queue_url)
    application.languages.create(language=arabic, level="fluent")
    assert arabic.name_tr in table(coordinator_client, queue_url)


def test_an_address_becomes_rejoining_when_its_volunteer_leaves(coordinator_client, queue_url):
    volunteer = VolunteerFactory(user__email="donen@example.org")
    ApplicationFactory(email="donen@example.org")
    assert "Yeniden katılım" not in coordinator_client.get(queue_url).content.decode()
    volunteer_services.withdraw_from_programme(volunteer=volunteer)
    assert "Yeniden katılım" in coordinator_client.get(queue_url).content.decode()


def test_an_erased_applicant_is_not_named_at_once(coordinator_client, queue_url):
    application = ApplicationFactory(first_name="Silinen", last_name="Kişi")
    assert listed_names(coordinator_client.get(queue_url)) == ["Silinen Kişi"]
    kvkk.erase(kvkk.subject_of_addresses(email=application.email), actor=None)
    assert "Silinen" not in coordinator_client.get(queue_url).content.decode()


def test_coordinators_of_different_scopes_do_not_share_a_copy(
    client, coordinator_client, queue_url
):
    ApplicationFactory(first_name="Çeviri", last_name="Kişi", areas=[factories.area("translation")])
    ApplicationFactory(
        first_name="Saha", last_name="Kişi", areas=[factories.area("field-research")]
    )
    assert len(listed_names(coordinator_client.get(queue_url))) == 2
    client.force_login(scoped(factories.StaffFactory(), areas=["translation"]))
    assert listed_names(client.get(queue_url)) == ["Çeviri Kişi"]


def test_a_copy_is_kept_no_longer_than_the_day_whose_ages_it_shows(rf, coordinator):
    ApplicationFactory()
    request = rf.get("/staff/applications/")
    request.user = coordinator
    filters = QueueFilter(None, queryset=review_queue(user=coordinator))
    results = _results(request, filters, set())
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert timezone.localtime(results.changes_at).date() == tomorrow
    assert timezone.localtime(results.changes_at).time() == datetime.time()
