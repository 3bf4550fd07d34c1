"""One stored form of an e-mail address (esit/core/email_address.py), used everywhere.

Turkish keyboards type `İ`, `I` and `ı` where people mean `i`; Python's `str.lower()` makes
`i̇` (with a combining dot) of `İ`. Each place that stores or compares an address must
see one address where a person meant one.
"""

import importlib
import unicodedata
import uuid

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps as django_apps
from django.contrib.auth import get_user
from django.core import mail

from esit.accounts.models import User
from esit.activities.services import participants
from esit.applications import services
from esit.applications.models import Application
from esit.core.email_address import normalise_email
from esit.privacy.models import ConsentRecord
from esit.privacy.services import record_consent
from tests import factories
from tests.accounts.helpers import sign_in

# The helper ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "İDİL.KAYA@example.org",  # caps lock on a Turkish keyboard
        "IDIL.KAYA@example.org",  # caps lock on an English keyboard
        "ıdıl.kaya@example.org",  # the dotless i of a Turkish keyboard
        "idil.kaya@example.org",
        "i\u0307di\u0307l.kaya@example.org",  # what str.lower() makes of İDİL
        "I\u0307DI\u0307L.KAYA@example.org",  # a decomposed İ, as some systems send it
        "  İdil.Kaya@Example.ORG ",
    ],
)
def test_the_four_turkish_i_of_a_local_part_are_one_letter(typed):
    assert normalise_email(typed) == "idil.kaya@example.org"


def test_the_domain_is_lower_cased():
    assert normalise_email("ayse@İZMİR.BEL.TR") == "ayse@izmir.bel.tr"


def test_a_punycode_domain_and_its_unicode_spelling_are_one_domain():
    assert normalise_email("ayse@xn--k-eha.com") == normalise_email("ayse@kü.com")


def test_the_dotless_i_of_a_domain_stays_a_letter_of_its_own():
    # ışık.com.tr and isik.com.tr can belong to different owners: mail must not change hands.
    assert normalise_email("ayse@ışık.com.tr") == "ayse@ışık.com.tr"
    assert normalise_email("ayse@ışık.com.tr") != normalise_email("ayse@isik.com.tr")


def test_other_turkish_letters_are_kept():
    assert normalise_email("ŞÜKRÜ.ÇAĞLAR@example.org") == "şükrü.çağlar@example.org"


def test_the_result_is_composed():
    assert unicodedata.is_normalized("NFC", normalise_email("s\u0327u\u0308kru\u0308@example.org"))


@pytest.mark.parametrize(
    "typed", ["İDİL@İZMİR.ORG", "ıpek@xn--k-eha.com", "Ayşe@Example.org", "eksik-adres"]
)
def test_normalising_twice_changes_nothing(typed):
    assert normalise_email(normalise_email(typed)) == normalise_email(typed)


# Applications -----------------------------------------------------------------------------


def _submit(email, phone):
    return services.submit_application(
        fields={
            "first_name": "İdil",
            "last_name": "Kaya",
            "email": email,
            "phone": phone,
            "birth_date": "1992-03-08",
            "district": factories.district(),
            "motivation": "Eşitlik için.",
        },
        areas=[factories.area()],
        languages=[],
        consent=True,
        submission_key=uuid.uuid4(),
        language="tr",
        ip="127.0.0.1",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("idil.kaya@example.org", "İDİL.KAYA@example.org"),
        ("ipek.sahin@example.org", "ıpek.sahin@example.org"),
        ("ipek.sahin@example.org", "IPEK.SAHIN@EXAMPLE.ORG"),
        ("ıpek.sahin@example.org", "ipek.sahin@example.org"),
    ],
)
def test_a_turkish_capital_does_not_get_past_the_duplicate_check(first, second):
    _submit(first, "+905321110001")
    with pytest.raises(services.DuplicateApplication):
        _submit(second, "+905321110002")
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_an_application_stores_the_normalised_address():
    submission = _submit("İDİL.KAYA@Example.ORG", "+905321110001")
    assert submission.application.email == "idil.kaya@example.org"
    assert submission.application.consent.email == "idil.kaya@example.org"
    assert submission.application.search_text == "idil kaya idil.kaya@example.org"


# Accounts -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_user_manager_stores_the_normalised_address():
    user = User.objects.create_user(email="İDİL.KAYA@Example.ORG")
    assert user.email == "idil.kaya@example.org"


@pytest.mark.django_db
def test_the_user_manager_finds_an_account_by_any_spelling_of_its_address():
    user = User.objects.create_user(email="idil.kaya@example.org")
    assert User.objects.get_by_natural_key("İDİL.KAYA@example.org") == user


@pytest.mark.django_db
def test_a_volunteer_signs_in_with_her_address_in_turkish_capitals(client):
    volunteer = factories.VolunteerFactory(user__email="idil.kaya@example.org")

    sign_in(client, "İDİL.KAYA@EXAMPLE.ORG")

    assert get_user(client) == volunteer.user


@pytest.mark.django_db
def test_a_volunteer_signs_in_with_a_dotless_i_typed_by_accident(client):
    volunteer = factories.VolunteerFactory(user__email="ipek.sahin@example.org")

    sign_in(client, "ıpek.sahin@example.org")

    assert get_user(client) == volunteer.user


@pytest.mark.django_db
def test_password_reset_finds_the_account_by_its_address_in_turkish_capitals(client):
    factories.VolunteerFactory(user__email="idil.kaya@example.org")

    client.post("/accounts/password/reset/", {"email": "İDİL.KAYA@EXAMPLE.ORG"})

    assert [message.to for message in mail.outbox] == [["idil.kaya@example.org"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


# Consent records and public participants ----------------------------------------------------


@pytest.mark.django_db
def test_a_consent_record_stores_the_normalised_address():
    record = record_consent(email="İDİL.KAYA@example.org", ip="127.0.0.1", at=factories.in_days(0))
    assert record.email == "idil.kaya@example.org"


@pytest.mark.django_db
def test_a_participant_cannot_register_twice_with_a_turkish_capital():
    workshop = factories.ActivityFactory(public_registration=True, public_capacity=5)
    values = {"activity": workshop, "name": "İdil Kaya", "phone": "", "language": "tr"}
    participants.register_participant(email="idil.kaya@example.org", ip="127.0.0.1", **values)
    with pytest.raises(participants.AlreadyRegistered):
        participants.register_participant(email="İDİL.KAYA@example.org", ip="127.0.0.1", **values)


# Addresses stored before the one form -------------------------------------------------------

LEGACY = "i\u0307di\u0307l.kaya@example.org"  # what create_user() used to store for İDİL.KAYA@


def _migration(app):
    return importlib.import_module(f"esit.{app}.migrations.0003_normalise_email_addresses")


@pytest.mark.django_db
def test_the_migration_normalises_an_account_stored_the_old_way():
    user = factories.UserFactory()
    User.objects.filter(pk=user.pk).update(email=LEGACY)
    EmailAddress.objects.filter(user=user).update(email=LEGACY)

    _migration("accounts").normalise(django_apps, None)

    assert User.objects.get(pk=user.pk).email == "idil.kaya@example.org"
    assert EmailAddress.objects.get(user=user).email == "idil.kaya@example.org"


@pytest.mark.django_db
def test_the_migration_leaves_an_account_whose_address_another_already_has():
    factories.UserFactory(email="idil.kaya@example.org")
    twin = factories.UserFactory()
    User.objects.filter(pk=twin.pk).update(email=LEGACY)

    _migration("accounts").normalise(django_apps, None)

    assert User.objects.get(pk=twin.pk).email == LEGACY


@pytest.mark.django_db
def test_the_migration_normalises_an_application_and_its_consent_record():
    application = factories.ApplicationFactory()
    Application.objects.filter(pk=application.pk).update(email=LEGACY)
    ConsentRecord.objects.filter(pk=application.consent_id).update(email=LEGACY)

    _migration("applications").normalise(django_apps, None)

    application.refresh_from_db()
    assert application.email == "idil.kaya@example.org"
    assert application.search_text == "ışıl güneş idil.kaya@example.org"
    assert ConsentRecord.objects.get(pk=application.consent_id).email == "idil.kaya@example.org"


@pytest.mark.django_db
def test_the_migration_leaves_a_second_open_application_for_staff_to_decide():
    factories.ApplicationFactory(email="idil.kaya@example.org")
    second = factories.ApplicationFactory()
    Application.objects.filter(pk=second.pk).update(email=LEGACY)

    _migration("applications").normalise(django_apps, None)

    assert Application.objects.get(pk=second.pk).email == LEGACY
