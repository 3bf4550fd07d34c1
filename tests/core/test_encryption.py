"""Sensitive fields are encrypted at rest (esit/core/encryption.py, issue 13 "Encryption"):
the database holds no clear phone, exact birth date or free text; equality look-ups go
through a keyed hash; keys rotate; production refuses to start without a key."""

import datetime

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from esit.activities.models import Participant
from esit.applications.models import Application
from esit.applications.services import find_open_duplicate, members_with
from esit.core.encryption import lookup_hash
from esit.kvkk.models import DataRequest
from esit.privacy.services import record_consent
from esit.volunteers.models import Volunteer
from tests import factories
from tests.platform.processes import PRODUCTION, run_python

pytestmark = pytest.mark.django_db

PHONE = "+905321234567"


def raw(model, pk, *columns):
    """The values as the database stores them, bypassing the ORM."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {names} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()


def make_application(**fields):
    return factories.ApplicationFactory(
        phone=fields.pop("phone", PHONE),
        birth_date=datetime.date(1991, 4, 23),
        motivation="Kadın sığınma evlerinde gönüllü olmak istiyorum.",
        experience="Üç yıl Mor Çatı'da çalıştım.",
        gender="self_described",
        gender_self_description="Non-binary kadın",
        **fields,
    )


def test_the_database_holds_no_clear_phone_birth_date_or_free_text_of_an_application():
    application = make_application()
    stored = raw(
        Application,
        application.pk,
        "phone",
        "birth_date",
        "motivation",
        "experience",
        "gender_self_description",
    )
    for clear, value in zip(
        [PHONE, "1991-04-23", "sığınma", "Mor Çatı", "Non-binary"], stored, strict=True
    ):
        assert clear not in str(value)
        assert "5321234567" not in str(value)
        assert "1991" not in str(value)


def test_the_orm_reads_the_clear_values_back():
    pk = make_application().pk
    application = Application.objects.get(pk=pk)
    assert application.phone == PHONE
    assert application.birth_date == datetime.date(1991, 4, 23)
    assert application.motivation == "Kadın sığınma evlerinde gönüllü olmak istiyorum."
    assert application.experience == "Üç yıl Mor Çatı'da çalıştım."
    assert application.gender_self_description == "Non-binary kadın"
    assert application.phone_national == "0532 123 45 67"


def test_hash_and_birth_year_are_derived_and_kept_in_the_database():
    application = make_application()
    phone_hash, birth_year = raw(Application, application.pk, "phone_hash", "birth_year")
    assert phone_hash == lookup_hash(PHONE) != PHONE
    assert len(phone_hash) == 64
    assert birth_year == 1991


def test_a_volunteers_phone_and_birth_date_are_encrypted_and_the_search_text_has_no_phone():
    volunteer = factories.VolunteerFactory(phone=PHONE, birth_date=datetime.date(1985, 1, 9))
    phone, birth_date, search_text, birth_year = raw(
        Volunteer, volunteer.pk, "phone", "birth_date", "search_text", "birth_year"
    )
    assert "5321234567" not in phone
    assert "1985" not in birth_date
    assert "5321234567" not in search_text
    assert birth_year == 1985
    volunteer.refresh_from_db()
    assert (volunteer.phone, volunteer.birth_date) == (PHONE, datetime.date(1985, 1, 9))


def test_saving_only_the_phone_updates_its_hash():
    volunteer = factories.VolunteerFactory(phone=PHONE)
    volunteer.phone = "+905429876543"
    volunteer.save(update_fields=["phone"])
    assert raw(Volunteer, volunteer.pk, "phone_hash") == (lookup_hash("+905429876543"),)


def test_participant_and_kvkk_request_phones_are_encrypted_and_hashed():
    activity = factories.ActivityFactory(public_registration=True, public_capacity=5)
    now = datetime.datetime(2026, 5, 1, 10, tzinfo=datetime.UTC)
    participant = Participant.objects.create(
        activity=activity,
        name="Gülşen Öztürk",
        email="gulsen@example.org",
        phone="+4930123456",
        status=Participant.Status.CONFIRMED,
        consent=record_consent(email="gulsen@example.org", ip="", at=now),
        registered_at=now,
    )
    stored_phone, stored_hash = raw(Participant, participant.pk, "phone", "phone_hash")
    assert "4930123456" not in stored_phone
    assert stored_hash == lookup_hash("+4930123456")
    request = DataRequest.objects.create(
        kind="access",
        channel="phone",
        requester_name="Talep Eden",
        requester_phone="+905321234567",
        summary="Kopya istiyor.",
        received_on=now.date(),
        deadline=now.date(),
        logged_by=factories.StaffFactory(),
    )
    stored_phone, stored_hash = raw(
        DataRequest, request.pk, "requester_phone", "requester_phone_hash"
    )
    assert "5321234567" not in stored_phone
    assert stored_hash == lookup_hash(PHONE)
    assert DataRequest.objects.get(pk=request.pk).requester_phone == PHONE


def test_an_encrypted_column_refuses_to_be_compared_so_no_query_silently_finds_nothing():
    with pytest.raises(FieldError):
        list(Application.objects.filter(phone=PHONE))
    with pytest.raises(FieldError):
        list(Volunteer.objects.filter(birth_date__year=1990))


def test_a_duplicate_phone_is_found_through_its_hash():
    first = make_application()
    assert find_open_duplicate(email="baska@example.org", phone=PHONE) == first
    assert find_open_duplicate(email="baska@example.org", phone="+905429999999") is None


def test_a_volunteers_phone_is_found_through_its_hash():
    volunteer = factories.VolunteerFactory(phone=PHONE)
    assert members_with(email=None, phone=PHONE) == [volunteer.user]


def test_the_database_refuses_a_second_open_application_with_the_same_phone():
    make_application()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_application()


def test_rotation_re_encrypts_every_row_with_the_new_key(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    application = make_application()
    volunteer = factories.VolunteerFactory(phone=PHONE)
    before = raw(Application, application.pk, "phone")

    settings.FIELD_ENCRYPTION_KEYS = [new]
    with pytest.raises(ImproperlyConfigured):
        Application.objects.get(pk=application.pk)

    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_encryption_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert raw(Application, application.pk, "phone") != before

    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone
    assert Application.objects.get(pk=application.pk).phone == PHONE
    assert Application.objects.get(pk=application.pk).motivation.startswith("Kadın")
    assert Volunteer.objects.get(pk=volunteer.pk).phone == PHONE


def test_rehash_after_a_new_lookup_key_finds_the_phones_again(settings):
    application = make_application()
    settings.LOOKUP_HASH_KEY = "a-new-lookup-key-for-the-test-only"
    assert find_open_duplicate(email="baska@example.org", phone=PHONE) is None
    call_command("rotate_encryption_keys", "--rehash", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert find_open_duplicate(email="baska@example.org", phone=PHONE) == application


def test_production_refuses_to_start_without_an_encryption_key():
    result = run_python("manage.py", "check", **{**PRODUCTION, "FIELD_ENCRYPTION_KEYS": None})
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS is not set" in result.stderr


def test_production_starts_with_an_encryption_key():
    result = run_python("manage.py", "check", **PRODUCTION)
    assert result.returncode == 0, result.stderr
