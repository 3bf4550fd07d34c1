"""The private cancel link: confirm, cancel, and the waitlist moves up."""

import pytest
from django.core import mail

from esit.activities.models import Participant
from esit.activities.services import participants as services
from esit.activities.services.errors import ActivityError
from tests.factories import in_days

from .conftest import cancel_url, make_participant, page

pytestmark = pytest.mark.django_db


def test_the_cancel_link_asks_before_cancelling(client, workshop):
    participant = make_participant(workshop, email="a@example.org", name="Elif Öztürk")
    response = client.get(cancel_url(participant))
    assert response.status_code == 200
    assert "Elif Öztürk" in page(response)
    assert "Kaydımı iptal et" in page(response)
    participant.refresh_from_db()
    assert participant.status == "confirmed"


def test_posting_the_cancel_form_cancels_the_registration(client, workshop, run_on_commit):
    participant = make_participant(workshop, email="a@example.org")
    with run_on_commit():
        response = client.post(cancel_url(participant))
    assert response.status_code == 302
    assert response["Location"] == cancel_url(participant)
    participant.refresh_from_db()
    assert participant.status == "cancelled"
    assert participant.cancelled_at is not None
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "Kaydınız iptal edildi" in page(client.get(cancel_url(participant)))


def test_cancelling_promotes_the_first_waitlisted_participant_and_emails_them(
    client, workshop, run_on_commit
):
    leaving = make_participant(workshop, email="a@example.org")
    make_participant(workshop, email="b@example.org")
    first = make_participant(workshop, email="ilk@example.org", status="waitlisted")
    second = make_participant(workshop, email="ikinci@example.org", status="waitlisted")
    with run_on_commit():
        client.post(cancel_url(leaving))
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "confirmed"
    assert second.status == "waitlisted"
    promoted = [m for m in mail.outbox if m.to == ["ilk@example.org"]]
    assert len(promoted) == 1
    assert "Yer açıldı" in promoted[0].subject
    assert cancel_url(first) in promoted[0].body


def test_cancelling_a_waitlisted_registration_promotes_nobody(workshop, run_on_commit):
    make_participant(workshop, email="a@example.org")
    make_participant(workshop, email="b@example.org")
    waiting = make_participant(workshop, email="c@example.org", status="waitlisted")
    other = make_participant(workshop, email="d@example.org", status="waitlisted")
    with run_on_commit():
        services.cancel_registration(participant=waiting)
    other.refresh_from_db()
    assert other.status == "waitlisted"
    assert [m.to for m in mail.outbox] == [["c@example.org"]]


def test_a_registration_cannot_be_cancelled_twice(client, workshop):
    participant = make_participant(workshop, email="a@example.org", status="cancelled")
    with pytest.raises(ActivityError, match="zaten iptal"):
        services.cancel_registration(participant=participant)


def test_a_registration_cannot_be_cancelled_once_the_workshop_began(client, workshop):
    participant = make_participant(workshop, email="a@example.org")
    workshop.starts_at, workshop.ends_at = in_days(-1, 10), in_days(-1, 12)
    workshop.save(update_fields=["starts_at", "ends_at"])
    response = client.post(cancel_url(participant), follow=True)
    assert "artık iptal edilemez" in page(response)
    participant.refresh_from_db()
    assert participant.status == "confirmed"


def test_an_unknown_cancel_token_is_not_found(client, workshop):
    assert client.get("/activities/registrations/bilinmeyen/cancel/").status_code == 404
    assert client.post("/activities/registrations/bilinmeyen/cancel/").status_code == 404


def test_the_cancel_page_is_not_indexed_or_cached(client, workshop):
    participant = make_participant(workshop, email="a@example.org")
    response = client.get(cancel_url(participant))
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"]


def test_the_promoted_participant_counts_as_confirmed(workshop):
    leaving = make_participant(workshop, email="a@example.org")
    make_participant(workshop, email="b@example.org")
    make_participant(workshop, email="c@example.org", status="waitlisted")
    services.cancel_registration(participant=leaving)
    assert Participant.objects.filter(activity=workshop, status="confirmed").count() == 2
