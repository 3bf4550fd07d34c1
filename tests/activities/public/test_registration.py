"""Public registration for a workshop: places, waitlist, one registration per e-mail, refusals."""

import pytest
from django.core import mail

from esit.activities.models import Participant
from esit.activities.services import participants as services
from esit.activities.services.errors import ActivityError
from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from esit.privacy.models import ConsentRecord
from tests import factories
from tests.factories import in_days

from .conftest import field_error, input_value, make_participant, page, register_url

pytestmark = pytest.mark.django_db


def register(activity, email="kayit@example.org", **kwargs):
    values = {"name": "Nur Şahin", "phone": "", "language": "tr", "ip": "203.0.113.9"}
    values.update(kwargs)
    return services.register_participant(activity=activity, email=email, **values)


def test_a_visitor_registers_and_is_confirmed(client, workshop, registration_data, run_on_commit):
    with run_on_commit():
        response = client.post(register_url(workshop), registration_data())
    assert response.status_code == 302
    assert response["Location"] == f"/activities/{workshop.pk}/"
    participant = Participant.objects.get()
    assert participant.status == "confirmed"
    assert participant.name == "Gülşen Çağlar"
    assert participant.phone == "05321234567"
    assert participant.consent.email == "gulsen@example.org"
    assert "Kaydınız onaylandı" in page(client.get(response["Location"]))


def test_the_confirmation_email_carries_a_private_cancel_link(
    client, workshop, registration_data, run_on_commit
):
    with run_on_commit():
        client.post(register_url(workshop), registration_data())
    participant = Participant.objects.get()
    (message,) = mail.outbox
    assert message.to == ["gulsen@example.org"]
    assert "Kadın hakları atölyesi" in message.subject
    assert f"http://testserver/activities/registrations/{participant.cancel_token}/cancel/" in (
        message.body
    )


def test_a_registration_is_confirmed_at_the_address_and_language_it_gave(workshop, run_on_commit):
    with run_on_commit():
        participant = register(workshop, email="Kayit@Example.org", language="en")

    delivery = Delivery.objects.get(kind="participants.registered")
    assert (delivery.address, delivery.language, delivery.recipient) == (
        "kayit@example.org",
        "en",
        None,
    )
    assert delivery.object_id == str(participant.pk)
    assert delivery.status == Delivery.Status.SENT


def test_no_confirmation_for_a_registration_cancelled_before_it_left(workshop):
    # No commit in this test: the confirmation waits in the queue until send_one() below.
    participant = register(workshop)
    services.cancel_registration(participant=participant)
    confirmation = Delivery.objects.get(kind="participants.registered")

    assert notifications.send_one(confirmation.pk) == Delivery.Status.SUPPRESSED
    assert mail.outbox == []


def test_the_confirmation_email_is_in_the_registrants_language(
    client, workshop, registration_data, run_on_commit
):
    client.cookies["esit_language"] = "en"
    with run_on_commit():
        client.post(register_url(workshop), registration_data())
    assert Participant.objects.get().language == "en"
    assert "Women's rights workshop" in mail.outbox[0].subject


def test_when_the_workshop_is_full_the_next_registrant_is_waitlisted(workshop, run_on_commit):
    register(workshop, "bir@example.org")
    register(workshop, "iki@example.org")
    with run_on_commit():
        third = register(workshop, "uc@example.org")
    assert third.status == "waitlisted"
    assert "Bekleme listesindesiniz" in mail.outbox[-1].subject


def test_a_waitlisted_visitor_is_told_so_on_the_page(client, workshop, registration_data):
    make_participant(workshop, email="a@example.org")
    make_participant(workshop, email="b@example.org")
    response = client.post(register_url(workshop), registration_data(), follow=True)
    assert "bekleme listesine alındınız" in page(response)


def test_cancelled_registrations_free_their_place(workshop):
    make_participant(workshop, email="a@example.org", status="cancelled")
    make_participant(workshop, email="b@example.org")
    assert register(workshop).status == "confirmed"


def test_registering_twice_with_one_email_is_refused_and_changes_nothing(
    client, workshop, registration_data
):
    make_participant(workshop, email="gulsen@example.org")
    response = client.post(
        register_url(workshop), registration_data(email="Gulsen@Example.org", name="İkinci Kez")
    )
    assert response.status_code == 200
    assert "zaten kaydınız var" in field_error(response, "email")
    assert input_value(response, "name") == "İkinci Kez"
    assert Participant.objects.count() == 1


def test_the_same_email_may_register_again_after_cancelling(workshop):
    make_participant(workshop, email="kayit@example.org", status="cancelled")
    assert register(workshop, "kayit@example.org").status == "confirmed"


def test_the_same_email_may_register_for_another_workshop(workshop):
    other = factories.ActivityFactory(public_registration=True, public_capacity=1)
    register(workshop)
    assert register(other).status == "confirmed"


def test_a_cancelled_activity_takes_no_registration(workshop):
    workshop.status = "cancelled"
    workshop.save(update_fields=["status"])
    with pytest.raises(ActivityError, match="iptal edildi"):
        register(workshop)
    assert not Participant.objects.exists()


def test_posting_to_a_cancelled_activity_shows_why_and_stores_nothing(
    client, workshop, registration_data
):
    workshop.status = "cancelled"
    workshop.save(update_fields=["status"])
    response = client.post(register_url(workshop), registration_data())
    assert response.status_code == 200
    assert "Bu etkinlik iptal edildi." in page(response)
    assert not Participant.objects.exists()


def test_a_past_activity_takes_no_registration(workshop):
    workshop.starts_at, workshop.ends_at = in_days(-1, 10), in_days(-1, 12)
    workshop.save(update_fields=["starts_at", "ends_at"])
    with pytest.raises(ActivityError, match="sona erdi"):
        register(workshop)
    assert not Participant.objects.exists()


def test_an_activity_closed_to_the_public_takes_no_registration(workshop):
    workshop.public_registration = False
    workshop.save(update_fields=["public_registration"])
    with pytest.raises(ActivityError, match="halka açık kayıt almıyor"):
        register(workshop)


def test_a_draft_cannot_be_registered_for(client, workshop, registration_data):
    workshop.status = "draft"
    workshop.save(update_fields=["status"])
    assert client.post(register_url(workshop), registration_data()).status_code == 404
    assert not Participant.objects.exists()


def test_missing_consent_is_explained_and_nothing_is_stored(client, workshop, registration_data):
    response = client.post(register_url(workshop), registration_data(consent=None))
    assert response.status_code == 200
    assert field_error(response, "consent") == "Kaydınızı alabilmemiz için açık rızanız gereklidir."
    assert input_value(response, "email") == "gulsen@example.org"
    assert input_value(response, "phone") == "0532 123 45 67"
    assert 'class="error-summary"' in page(response)
    assert not Participant.objects.exists()
    assert not ConsentRecord.objects.filter(email="gulsen@example.org").exists()


def test_a_bad_email_is_explained_next_to_the_field(client, workshop, registration_data):
    response = client.post(register_url(workshop), registration_data(email="gulsen@"))
    assert field_error(response, "email") == (
        "Geçerli bir e-posta adresi girin, örneğin ad@example.org."
    )
    assert input_value(response, "name") == "Gülşen Çağlar"
    assert not Participant.objects.exists()


def test_a_missing_name_is_explained(client, workshop, registration_data):
    response = client.post(register_url(workshop), registration_data(name="   "))
    assert field_error(response, "name") == "Adınızı ve soyadınızı yazın."
    assert not Participant.objects.exists()


@pytest.mark.parametrize("phone", ["12345", "0532 ABC 45 67", "+90 532 123 45 67 890 12"])
def test_a_bad_phone_is_explained(client, workshop, registration_data, phone):
    response = client.post(register_url(workshop), registration_data(phone=phone))
    assert "Geçerli bir telefon numarası girin" in field_error(response, "phone")
    assert not Participant.objects.exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("+49 30 1234567", "+49301234567"), ("  0232 293 00 00 ", "02322930000"), ("", "")],
)
def test_any_phone_is_accepted_and_stored_compactly(
    client, workshop, registration_data, typed, stored
):
    client.post(register_url(workshop), registration_data(phone=typed))
    assert Participant.objects.get().phone == stored


def test_the_honeypot_stores_nothing_and_answers_like_a_success(
    client, workshop, registration_data
):
    response = client.post(register_url(workshop), registration_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not Participant.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people(client, workshop):
    body = page(client.get(f"/activities/{workshop.pk}/"))
    assert '<div class="honeypot" aria-hidden="true">' in body
    assert 'name="website" id="id_website" tabindex="-1"' in body


def test_past_the_rate_limit_a_post_gets_429_and_stores_nothing(
    client, registration_data, settings
):
    settings.PUBLIC_REGISTRATION_RATE_LIMIT = "2/h"
    workshop = factories.ActivityFactory(public_registration=True, public_capacity=10)
    for n in range(2):
        response = client.post(register_url(workshop), registration_data(email=f"k{n}@example.org"))
        assert response.status_code == 302
    response = client.post(register_url(workshop), registration_data(email="son@example.org"))
    assert response.status_code == 429
    assert Participant.objects.count() == 2


def test_a_get_on_the_register_address_is_not_allowed(client, workshop):
    assert client.get(register_url(workshop)).status_code == 405
