"""Staff see "rejoining" on the application of a former volunteer, in the queue and on its page:
approving it reactivates her profile without copying the application over it."""

import pytest

from esit.volunteers import services as volunteer_services
from tests.applications.review.conftest import decide_url, detail_url
from tests.factories import ApplicationFactory, VolunteerFactory

from .test_detail import page_text

REJOINING = "Yeniden katılım"


@pytest.fixture
def rejoining_application(db):
    volunteer = VolunteerFactory(user__email="donen@example.org")
    volunteer_services.withdraw_from_programme(volunteer=volunteer)
    return ApplicationFactory(email="donen@example.org", first_name="Dönen", last_name="Gönüllü")


def test_the_queue_marks_a_rejoining_application(
    coordinator_client, queue_url, rejoining_application
):
    html = coordinator_client.get(queue_url).content.decode()
    row = html[html.index("Dönen Gönüllü") :]
    row = row[: row.index("</tr>")]
    assert REJOINING in row


def test_the_queue_does_not_mark_a_newcomer(coordinator_client, queue_url):
    ApplicationFactory(email="yeni@example.org")
    assert REJOINING not in coordinator_client.get(queue_url).content.decode()


def test_an_active_volunteer_s_address_is_not_rejoining(coordinator_client, queue_url):
    VolunteerFactory(user__email="etkin@example.org")
    ApplicationFactory(email="etkin@example.org")
    assert REJOINING not in coordinator_client.get(queue_url).content.decode()


def test_the_application_page_says_what_approving_a_rejoining_volunteer_does(
    coordinator_client, rejoining_application
):
    text = page_text(coordinator_client.get(detail_url(rejoining_application)))
    assert REJOINING in text
    assert "aynı hesap ve profil yeniden etkinleşir" in text
    assert "Bu başvurudaki bilgiler profile aktarılmaz" in text


def test_approving_a_rejoining_volunteer_says_her_profile_was_reactivated(
    coordinator_client, rejoining_application
):
    response = coordinator_client.post(
        decide_url(rejoining_application), {"decision": "approve"}, follow=True
    )
    assert "gönüllünün hesabı ve profili yeniden etkinleşti" in page_text(response)
