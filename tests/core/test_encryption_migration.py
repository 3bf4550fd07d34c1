"""The migrations that encrypt existing rows: clear values in, Fernet tokens, keyed hashes
and birth years out, read back clear by the ORM (SQLite and PostgreSQL)."""

import datetime
import uuid

import pytest
from django.db import connection

from esit.applications.models import Application
from esit.core.encryption import lookup_hash
from esit.privacy.services import record_consent
from esit.volunteers.models import Volunteer
from tests import migrating

BEFORE = [
    ("applications", "0007_search_text_trigram_index"),
    ("volunteers", "0007_search_text_trigram_index"),
]
AFTER = [
    ("applications", "0010_one_open_application_per_phone_hash"),
    ("volunteers", "0009_encrypt_existing_volunteers"),
]


@pytest.fixture
def historical(live_db):
    yield from migrating.historical(BEFORE)


def raw(table, pk, *columns):
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {names} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()


def test_existing_rows_are_encrypted_hashed_and_keep_their_birth_year(historical):
    District = historical.get_model("reference", "District")
    User = historical.get_model("accounts", "User")
    OldApplication = historical.get_model("applications", "Application")
    OldVolunteer = historical.get_model("volunteers", "Volunteer")
    now = datetime.datetime(2026, 5, 1, 10, tzinfo=datetime.UTC)
    consent = record_consent(email="ayse@example.org", ip="", at=now)
    application = OldApplication.objects.create(
        first_name="Ayşe",
        last_name="Yılmaz",
        email="ayse@example.org",
        phone="+905321234567",
        birth_date=datetime.date(1990, 5, 17),
        district_id=District.objects.first().pk,
        motivation="Eşitlik için çalışmak istiyorum.",
        experience="",
        gender_self_description="Kendi ifadem",
        submitted_at=now,
        submission_key=uuid.uuid4(),
        status_token="token-migration-test",
        consent_id=consent.pk,
        search_text="ayse yilmaz ayse@example.org",
    )
    user = User.objects.create(email="gonullu@example.org")
    volunteer = OldVolunteer.objects.create(
        user=user,
        first_name="Zehra",
        last_name="Acar",
        phone="+905429876543",
        birth_date=datetime.date(1984, 12, 31),
        district_id=District.objects.first().pk,
        joined_at=now,
        checkin_code="CODEMIG1",
        calendar_token="calendar-migration-test",
    )

    migrating.migrate(AFTER)

    phone, birth_date, motivation, experience, phone_hash, birth_year = raw(
        "applications_application",
        application.pk,
        "phone",
        "birth_date",
        "motivation",
        "experience",
        "phone_hash",
        "birth_year",
    )
    assert "5321234567" not in phone
    assert "1990" not in birth_date
    assert "Eşitlik" not in motivation
    assert experience == ""
    assert phone_hash == lookup_hash("+905321234567")
    assert birth_year == 1990
    phone, birth_date, phone_hash, birth_year = raw(
        "volunteers_volunteer", volunteer.pk, "phone", "birth_date", "phone_hash", "birth_year"
    )
    assert "5429876543" not in phone
    assert (phone_hash, birth_year) == (lookup_hash("+905429876543"), 1984)

    migrating.migrate_to_latest()
    read = Application.objects.get(pk=application.pk)
    assert (read.phone, read.birth_date) == ("+905321234567", datetime.date(1990, 5, 17))
    assert read.motivation == "Eşitlik için çalışmak istiyorum."
    assert read.gender_self_description == "Kendi ifadem"
    assert Volunteer.objects.get(pk=volunteer.pk).birth_date == datetime.date(1984, 12, 31)


def test_the_migration_can_be_reversed_to_clear_values(historical):
    migrating.migrate(AFTER)
    District = historical.get_model("reference", "District")
    now = datetime.datetime(2026, 5, 1, 10, tzinfo=datetime.UTC)
    consent = record_consent(email="geri@example.org", ip="", at=now)
    application = Application.objects.create(
        first_name="Geri",
        last_name="Dönüş",
        email="geri@example.org",
        phone="+905321112233",
        birth_date=datetime.date(1995, 2, 3),
        district_id=District.objects.first().pk,
        motivation="Geri alınabilir.",
        submitted_at=now,
        submission_key=uuid.uuid4(),
        consent=consent,
        search_text="geri donus",
    )
    migrating.migrate(BEFORE)
    phone, birth_date, motivation = raw(
        "applications_application", application.pk, "phone", "birth_date", "motivation"
    )
    assert phone == "+905321112233"
    assert str(birth_date) == "1995-02-03"
    assert motivation == "Geri alınabilir."
