"""Erasure (KVKK article 7 and 11): the person is anonymised everywhere, in one transaction,
through the registry's anonymisers; what reports count stays; a destruction record remains."""

from django.apps import apps
from django.db import models

from esit.activities.models import HoursEntry, SignUp
from esit.audit.models import AuditEvent
from esit.core.turkish import fold
from esit.kvkk import services
from esit.kvkk.models import DestructionRecord
from esit.volunteers.models import Volunteer

from .conftest import EMAIL, NAME, PHONE, SURNAME

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def everything_in_the_database() -> list[tuple[str, str, str]]:
    """Every text value of every row of every model: (model, field, folded text)."""
    found = []
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        if not fields:
            continue
        for row in model._default_manager.values_list(*[f.attname for f in fields]):
            for field, value in zip(fields, row, strict=True):
                if value:
                    found.append((model._meta.label_lower, field.name, fold(str(value))))
    return found


def traces_of(needles) -> list[tuple[str, str]]:
    folded = [fold(needle) for needle in needles]
    return sorted(
        {
            (model, field)
            for model, field, text in everything_in_the_database()
            if any(needle in text for needle in folded)
        }
    )


NEEDLES = [NAME, SURNAME, EMAIL, PHONE, PHONE.removeprefix("+90"), "532 777 11 22"]


def test_before_erasure_the_database_holds_her_in_many_places(nursen):
    places = {model for model, _field in traces_of(NEEDLES)}
    # The search below is only worth something if it finds her when she is there.
    assert {"applications.application", "volunteers.volunteer", "accounts.user"} <= places
    assert "activities.participant" in places
    assert "notifications.delivery" in places


def test_after_erasure_a_search_of_the_whole_database_finds_nothing(nursen):
    services.erase(services.subject_of_user(nursen.user), actor=nursen.user)

    assert traces_of(NEEDLES) == []


def test_erasure_keeps_what_the_reports_count(nursen):
    hours_before = HoursEntry.objects.filter(status="approved").count()
    signups_before = SignUp.objects.count()

    services.erase(services.subject_of_user(nursen.user), actor=nursen.user)

    nursen.refresh_from_db()
    assert nursen.status == Volunteer.Status.WITHDRAWN
    assert nursen.district_id is not None
    assert nursen.birth_date.year == 1990
    assert HoursEntry.objects.filter(status="approved").count() == hours_before
    assert SignUp.objects.count() == signups_before


def test_erasure_frees_her_places_and_ends_her_sessions(client, nursen, run_on_commit):
    client.force_login(nursen.user)
    assert client.get("/me/").status_code == 200
    signup = nursen.signups.get()

    with run_on_commit():
        services.erase(services.subject_of_user(nursen.user), actor=nursen.user)

    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED
    response = client.get("/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_erasure_leaves_a_destruction_record_and_an_audit_event_naming_nobody(nursen):
    destruction = services.erase(services.subject_of_user(nursen.user), actor=nursen.user)

    assert destruction.reason == DestructionRecord.Reason.REQUEST
    assert destruction.people == 1
    assert destruction.rows > 5
    assert {"identity", "contact", "activity"} <= set(destruction.categories)
    event = AuditEvent.objects.get(action="kvkk.erased")
    assert event.object_id == str(destruction.pk)
    assert NAME not in event.summary
    assert EMAIL not in event.summary


def test_an_applicant_without_an_account_is_erased_by_her_addresses(db):
    from tests import factories

    application = factories.ApplicationFactory(
        first_name=NAME, last_name=SURNAME, email=EMAIL, phone=PHONE
    )
    services.erase(
        services.subject_of_addresses(email=application.email, phone=application.phone),
        actor=None,
    )

    assert traces_of(NEEDLES) == []


def test_after_erasure_no_keyed_hash_of_her_phone_remains(nursen):
    """The phones are encrypted at rest and found by a keyed hash: erasure blanks both."""
    from esit.core.encryption import lookup_hash

    digest = lookup_hash(PHONE)
    assert any(digest in text for _model, _field, text in everything_in_the_database())
    services.erase(services.subject_of_user(nursen.user), actor=nursen.user)
    assert not any(digest in text for _model, _field, text in everything_in_the_database())


def test_her_export_shows_the_clear_phone_and_birth_date_of_the_encrypted_columns(nursen):
    document = services.export_document(services.subject_of_user(nursen.user))
    values = [
        str(field["value"])
        for record in document["records"]
        for entry in record["entries"]
        for field in entry["fields"]
    ]
    assert PHONE in values or any("532 777 11 22" in value for value in values)
    assert str(nursen.birth_date) in values or nursen.birth_date.isoformat() in " ".join(values)
