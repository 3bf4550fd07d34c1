"""An e-mail or phone that belongs to an active volunteer or a staff account gets no new
application: anyone who knows a volunteer's address could otherwise replace her details.

The page says what it says for any duplicate; the owner is e-mailed at her account's own
address, at most once a day, with the way to sign in and correct her profile.
"""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from esit.applications.models import AccountReminder, Application
from esit.notifications import services as notifications
from esit.notifications.models import Delivery
from esit.notifications.services import Recipient
from esit.volunteers import services as volunteer_services
from tests import factories

from .conftest import APPLY_URL, THANKS_URL, assert_kept, form_errors
from .test_apply_journey import DUPLICATE_MESSAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    """An active volunteer whose e-mail and phone someone else knows."""
    return factories.VolunteerFactory(user__email="idil.kaya@example.org", phone="+905421112233")


def test_an_active_volunteer_s_email_gets_no_new_application(client, valid_data, member):
    data = valid_data(email="idil.kaya@example.org")
    response = client.post(APPLY_URL, data)
    assert response.status_code == 200
    assert Application.objects.count() == 0
    assert form_errors(response) == [DUPLICATE_MESSAGE]
    assert_kept(response, data)


def test_an_active_volunteer_s_email_in_turkish_capitals_gets_no_new_application(
    client, valid_data, member
):
    response = client.post(APPLY_URL, valid_data(email="İDİL.KAYA@example.org"))
    assert form_errors(response) == [DUPLICATE_MESSAGE]
    assert Application.objects.count() == 0


def test_an_active_volunteer_s_phone_gets_no_new_application(client, valid_data, member):
    response = client.post(APPLY_URL, valid_data(phone="0542 111 22 33"))
    assert form_errors(response) == [DUPLICATE_MESSAGE]
    assert Application.objects.count() == 0


def test_a_staff_account_s_email_gets_no_new_application(client, valid_data):
    factories.StaffFactory(role="coordinator", email="zeynep@example.org")
    response = client.post(APPLY_URL, valid_data(email="zeynep@example.org"))
    assert form_errors(response) == [DUPLICATE_MESSAGE]
    assert Application.objects.count() == 0


def test_the_page_does_not_reveal_which_detail_matched_or_whose_it_is(client, valid_data, member):
    factories.ApplicationFactory(email="acik@example.org", phone="+905321110000")
    pages = [
        client.post(APPLY_URL, valid_data(email="idil.kaya@example.org")),
        client.post(APPLY_URL, valid_data(phone="0542 111 22 33")),
        client.post(APPLY_URL, valid_data(email="acik@example.org")),
        client.post(APPLY_URL, valid_data(phone="0532 111 00 00")),
    ]
    assert {tuple(form_errors(response)) for response in pages} == {(DUPLICATE_MESSAGE,)}


def test_the_volunteer_is_emailed_at_her_own_address_never_the_one_typed(
    client, valid_data, member, run_on_commit
):
    with run_on_commit():
        client.post(APPLY_URL, valid_data(email="baskasi@example.org", phone="0542 111 22 33"))
    assert [message.to for message in mail.outbox] == [["idil.kaya@example.org"]]


def test_the_volunteer_s_email_points_to_sign_in_and_her_profile(
    client, valid_data, member, run_on_commit
):
    with run_on_commit():
        client.post(APPLY_URL, valid_data(email="idil.kaya@example.org"))
    message = mail.outbox[0]
    assert message.subject == "Eşit İzmir · Eşit İzmir hesabınız zaten var"
    assert "http://testserver/accounts/login/" in message.body
    assert "http://testserver/me/profile/" in message.body
    assert "/accounts/password/reset/key/" not in message.body  # no link that signs in


def test_a_staff_member_s_email_offers_sign_in_but_no_volunteer_profile(
    client, valid_data, run_on_commit
):
    factories.StaffFactory(role="coordinator", email="zeynep@example.org")
    with run_on_commit():
        client.post(APPLY_URL, valid_data(email="zeynep@example.org"))
    assert [message.to for message in mail.outbox] == [["zeynep@example.org"]]
    assert "http://testserver/accounts/login/" in mail.outbox[0].body
    assert "/me/profile/" not in mail.outbox[0].body


def test_the_owner_is_emailed_at_most_once_a_day(client, valid_data, member, run_on_commit):
    with run_on_commit():
        for attempt in range(4):
            phone = f"0532 000 00 0{attempt}"
            client.post(APPLY_URL, valid_data(email="idil.kaya@example.org", phone=phone))
    assert [message.to for message in mail.outbox] == [["idil.kaya@example.org"]]


def test_the_owner_is_emailed_again_after_a_day(client, valid_data, member, run_on_commit):
    with run_on_commit():
        client.post(APPLY_URL, valid_data(email="idil.kaya@example.org"))
    AccountReminder.objects.filter(user=member.user).update(
        sent_at=timezone.now() - datetime.timedelta(hours=25)
    )
    with run_on_commit():
        client.post(APPLY_URL, valid_data(email="idil.kaya@example.org"))
    assert len(mail.outbox) == 2


def test_the_owner_s_email_speaks_her_language(client, valid_data, member, run_on_commit):
    member.user.preferred_language = "en"
    member.user.save(update_fields=["preferred_language"])
    with run_on_commit():
        client.post(APPLY_URL, valid_data(email="idil.kaya@example.org"))
    assert mail.outbox[0].subject == "Eşit İzmir · You already have an Eşit İzmir account"


def test_no_reminder_is_sent_once_the_volunteer_has_left(member):
    reminder = notifications.notify(
        "applications.already_in_programme", obj=member.user, to=Recipient.of_user(member.user)
    )
    volunteer_services.withdraw_from_programme(volunteer=member)

    assert notifications.send_one(reminder.pk) == Delivery.Status.SUPPRESSED
    assert mail.outbox == []


def test_a_former_volunteer_may_apply_again(client, valid_data, member):
    volunteer_services.withdraw_from_programme(volunteer=member)
    response = client.post(
        APPLY_URL, valid_data(email="idil.kaya@example.org", phone="0542 111 22 33")
    )
    assert response.status_code == 302
    assert response.url == THANKS_URL
    assert Application.objects.get().email == "idil.kaya@example.org"
