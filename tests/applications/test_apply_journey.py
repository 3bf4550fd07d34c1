"""/apply/ stores a good application once, with its consent, and stops bots and duplicates."""

import datetime
import hashlib
import hmac
import uuid

import pytest
from django.core import mail

from esit.applications.models import Application
from esit.privacy.models import ConsentRecord, PrivacyNotice
from tests import factories

from .conftest import APPLY_URL, THANKS_URL, assert_kept, field_error, form_errors

pytestmark = pytest.mark.django_db

DUPLICATE_MESSAGE = (
    "Bu e-posta adresi ya da telefon numarasıyla bir kayıt zaten var; yeni bir başvuru "
    "oluşturmadık. Ne yapabileceğinizi o kayıttaki e-posta adresine gönderdik."
)


def test_valid_application_is_stored_and_redirects_to_thanks(client, valid_data):
    response = client.post(APPLY_URL, valid_data())
    assert response.status_code == 302
    assert response.url == THANKS_URL
    application = Application.objects.get()
    assert application.status == Application.Status.SUBMITTED
    assert application.full_name == "Ayşe Yılmaz"
    assert application.email == "ayse.yilmaz@example.org"
    assert application.district == factories.district("karsiyaka")
    assert set(application.areas.values_list("slug", flat=True)) == {"translation", "workshops"}
    assert {(row.language.code, row.level) for row in application.languages.all()} == {
        ("en", "fluent"),
        ("tr", "native"),
    }
    assert application.language == "tr"
    assert application.search_text == "ayşe yılmaz ayse.yilmaz@example.org"


def test_weekly_availability_is_stored_as_the_chosen_slots(client, valid_data):
    from esit.reference.availability import from_mask

    client.post(APPLY_URL, valid_data(availability=["mon_morning", "sat_evening"]))
    assert from_mask(Application.objects.get().availability) == ["mon_morning", "sat_evening"]


def test_email_is_stored_in_lower_case(client, valid_data):
    client.post(APPLY_URL, valid_data(email="Ayse.Yilmaz@Example.ORG"))
    assert Application.objects.get().email == "ayse.yilmaz@example.org"


def test_email_in_turkish_capitals_is_stored_in_its_one_form(client, valid_data):
    client.post(APPLY_URL, valid_data(email="AYSE.YİLMAZ@EXAMPLE.ORG"))
    assert Application.objects.get().email == "ayse.yilmaz@example.org"


def test_gender_is_optional(client, valid_data):
    response = client.post(APPLY_URL, valid_data(gender=None))
    assert response.status_code == 302
    assert Application.objects.get().gender == ""


def test_prefer_not_to_say_is_a_gender_answer(client, valid_data):
    client.post(APPLY_URL, valid_data(gender="prefer_not_to_say"))
    assert Application.objects.get().gender == "prefer_not_to_say"


def test_self_description_is_kept_only_with_the_self_described_answer(client, valid_data):
    client.post(APPLY_URL, valid_data(gender="woman", gender_self_description="kadın"))
    assert Application.objects.get().gender_self_description == ""


# Consent (KVKK) --------------------------------------------------------------


def test_consent_record_keeps_both_notice_versions_and_the_time(client, valid_data):
    client.post(APPLY_URL, valid_data())
    application = Application.objects.get()
    consent = application.consent
    assert consent.notice.kind == PrivacyNotice.Kind.EXPLICIT_CONSENT
    assert consent.notice.version == "1.0"
    assert consent.information_notice.kind == PrivacyNotice.Kind.INFORMATION
    assert consent.information_notice.version == "1.0"
    assert consent.email == application.email
    assert consent.given_at == application.submitted_at


def test_consent_record_keeps_an_hmac_of_the_address_not_the_address(client, valid_data, settings):
    client.post(APPLY_URL, valid_data(), REMOTE_ADDR="203.0.113.7")
    consent = ConsentRecord.objects.get()
    expected = hmac.new(settings.SECRET_KEY.encode(), b"203.0.113.7", hashlib.sha256).hexdigest()
    assert consent.ip_hash == expected
    assert "203.0.113.7" not in consent.ip_hash
    assert consent.ip_hash != hashlib.sha256(b"203.0.113.7").hexdigest()  # keyed, not bare


def test_the_form_links_the_information_notice_and_shows_its_version(client):
    response = client.get(APPLY_URL)
    assert 'href="/privacy/"' in response.content.decode()
    assert "sürüm 1.0" in response.content.decode()


# Duplicates --------------------------------------------------------------------


def test_open_application_with_the_same_email_blocks_a_second(client, valid_data):
    existing = factories.ApplicationFactory(email="ayse.yilmaz@example.org")
    data = valid_data()
    response = client.post(APPLY_URL, data)
    assert response.status_code == 200
    assert Application.objects.count() == 1
    assert form_errors(response) == [DUPLICATE_MESSAGE]
    assert field_error(response, "email") == field_error(response, "phone") == ""
    assert_kept(response, data)
    assert existing.pk == Application.objects.get().pk


def test_duplicate_email_is_found_whatever_its_case(client, valid_data):
    factories.ApplicationFactory(email="ayse.yilmaz@example.org")
    response = client.post(APPLY_URL, valid_data(email="AYSE.Yilmaz@example.org"))
    assert form_errors(response) == [DUPLICATE_MESSAGE]
    assert Application.objects.count() == 1


def test_open_application_with_the_same_phone_blocks_a_second(client, valid_data):
    factories.ApplicationFactory(phone="+905321234567", email="baska@example.org")
    data = valid_data(phone="+90 532 123 4567")
    response = client.post(APPLY_URL, data)
    assert response.status_code == 200
    assert Application.objects.count() == 1
    assert form_errors(response) == [DUPLICATE_MESSAGE]
    assert field_error(response, "email") == ""
    assert_kept(response, data)


def test_waitlisted_application_blocks_a_second(client, valid_data):
    factories.ApplicationFactory(
        email="ayse.yilmaz@example.org", status=Application.Status.WAITLISTED
    )
    response = client.post(APPLY_URL, valid_data())
    assert form_errors(response) == [DUPLICATE_MESSAGE]
    assert Application.objects.count() == 1


def test_owner_of_the_open_application_is_emailed_their_status_link(
    client, valid_data, run_on_commit
):
    existing = factories.ApplicationFactory(phone="+905321234567", email="ilk@example.org")
    with run_on_commit():
        client.post(APPLY_URL, valid_data(email="ikinci@example.org"))
    assert len(mail.outbox) == 1
    reminder = mail.outbox[0]
    assert reminder.to == ["ilk@example.org"]  # the existing application's address only
    assert f"http://testserver/apply/status/{existing.status_token}/" in reminder.body


@pytest.mark.parametrize("status", [Application.Status.REJECTED, Application.Status.WITHDRAWN])
def test_a_closed_earlier_application_does_not_block_a_new_one(client, valid_data, status):
    earlier = factories.ApplicationFactory(
        email="ayse.yilmaz@example.org", phone="+905321234567", status=status
    )
    response = client.post(APPLY_URL, valid_data())
    assert response.status_code == 302
    new = Application.objects.exclude(pk=earlier.pk).get()
    assert new.status == Application.Status.SUBMITTED


# Double submits ------------------------------------------------------------------


def test_double_click_creates_one_application_and_both_land_on_thanks(client, valid_data):
    data = valid_data()
    first = client.post(APPLY_URL, data)
    second = client.post(APPLY_URL, data)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == THANKS_URL
    assert Application.objects.count() == 1


def test_resubmission_from_another_browser_with_the_same_key_creates_one_application(
    client, valid_data
):
    from django.test import Client

    data = valid_data()
    client.post(APPLY_URL, data)
    response = Client().post(APPLY_URL, data)
    assert response.status_code == 302
    assert response.url == THANKS_URL
    assert Application.objects.count() == 1


def test_double_click_sends_one_confirmation(client, valid_data, run_on_commit):
    data = valid_data()
    with run_on_commit():
        client.post(APPLY_URL, data)
    with run_on_commit():
        client.post(APPLY_URL, data)
    assert len(mail.outbox) == 1


def test_each_fresh_form_gets_its_own_submission_key(client):
    first = client.get(APPLY_URL).context["form"]["submission_key"].value()
    second = client.get(APPLY_URL).context["form"]["submission_key"].value()
    assert uuid.UUID(str(first)) != uuid.UUID(str(second))


# Bots ----------------------------------------------------------------------------


def test_filled_honeypot_stores_nothing_and_redirects_to_thanks(client, valid_data, run_on_commit):
    with run_on_commit():
        response = client.post(APPLY_URL, valid_data(website="http://spam.example"))
    assert response.status_code == 302
    assert response.url == THANKS_URL
    assert Application.objects.count() == 0
    assert ConsentRecord.objects.count() == 0
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people(client):
    body = client.get(APPLY_URL).content.decode()
    assert '<div class="honeypot" aria-hidden="true">' in body
    assert 'name="website"' in body
    assert 'tabindex="-1"' in body


def test_past_the_rate_limit_a_post_gets_429_and_stores_nothing(client, valid_data, settings):
    settings.APPLY_RATE_LIMIT = "3/h"
    for n in range(3):
        response = client.post(
            APPLY_URL, valid_data(email=f"kisi{n}@example.org", phone=f"053212345{n:02d}")
        )
        assert response.status_code == 302
    response = client.post(APPLY_URL, valid_data(email="dorduncu@example.org", phone="05329999999"))
    assert response.status_code == 429
    assert Application.objects.count() == 3
    assert not Application.objects.filter(email="dorduncu@example.org").exists()


def test_the_rate_limit_is_per_address(client, valid_data, settings):
    settings.APPLY_RATE_LIMIT = "1/h"
    client.post(APPLY_URL, valid_data(), REMOTE_ADDR="203.0.113.1")
    response = client.post(
        APPLY_URL,
        valid_data(email="baska@example.org", phone="05329999999"),
        REMOTE_ADDR="203.0.113.2",
    )
    assert response.status_code == 302
    assert Application.objects.count() == 2


def test_the_rate_limit_does_not_count_reading_the_form(client, settings):
    settings.APPLY_RATE_LIMIT = "1/h"
    for _ in range(3):
        assert client.get(APPLY_URL).status_code == 200


def test_the_status_link_reminder_goes_out_once_a_day_however_often_someone_posts(
    client, valid_data, run_on_commit
):
    existing = factories.ApplicationFactory(email="ayse.yilmaz@example.org")
    with run_on_commit():
        for _attempt in range(5):
            client.post(APPLY_URL, valid_data())
    assert [m.to for m in mail.outbox] == [["ayse.yilmaz@example.org"]]
    Application.objects.filter(pk=existing.pk).update(
        status_link_sent_at=existing.submitted_at - datetime.timedelta(days=2)
    )
    with run_on_commit():
        client.post(APPLY_URL, valid_data())
    assert len(mail.outbox) == 2


def test_a_reused_form_key_with_someone_elses_details_creates_their_own_application(
    client, valid_data
):
    first = valid_data()
    client.post(APPLY_URL, first)
    second = valid_data(
        email="baska.kisi@example.org",
        phone="0533 765 43 21",
        submission_key=first["submission_key"],
    )
    response = client.post(APPLY_URL, second)
    assert response.status_code == 302
    assert Application.objects.count() == 2
    assert Application.objects.filter(email="baska.kisi@example.org").exists()


def test_the_thanks_page_shows_the_status_link_only_once(client, valid_data):
    client.post(APPLY_URL, valid_data())
    token = Application.objects.get().status_token
    assert token in client.get(THANKS_URL).content.decode()
    assert token not in client.get(THANKS_URL).content.decode()
