"""The personal-data registry covers every model: a field nobody classified fails here.

Each app declares, in AppConfig.ready(), which fields of its models hold personal data
(and in which category) and which do not, with an exporter and an anonymiser
(esit/core/personal_data_registry.py). A new model or a new field is therefore a test failure
until someone decides what it holds.
"""

import pytest
from django.apps import apps
from django.utils import timezone

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import (
    DataSubject,
    ExportSection,
    NoPersonalData,
    PersonalData,
)
from tests import factories


def classifiable_fields(model) -> set[str]:
    """Every concrete field but the primary key and links to other rows (their target
    models are classified themselves)."""
    return {
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key and not field.is_relation
    }


def test_every_model_of_the_project_and_its_frameworks_is_declared():
    undeclared = sorted(
        model._meta.label_lower
        for model in apps.get_models()
        if registry.declaration_of(model) is None
    )
    assert undeclared == [], "Declare these models in the personal-data registry: " + ", ".join(
        undeclared
    )


@pytest.mark.parametrize("declaration", registry.all_declarations(), ids=lambda d: d.label)
def test_every_field_of_a_declared_model_is_classified_exactly_once(declaration):
    fields = classifiable_fields(declaration.model)
    if isinstance(declaration, PersonalData):
        personal, other = set(declaration.fields), set(declaration.not_personal)
        assert not personal & other, f"classified twice: {sorted(personal & other)}"
        classified = personal | other
    else:
        classified = set(declaration.fields)
    assert fields - classified == set(), f"not classified: {sorted(fields - classified)}"
    assert classified - fields == set(), f"no such field: {sorted(classified - fields)}"


@pytest.mark.parametrize("declaration", registry.declarations(), ids=lambda d: d.label)
def test_every_declaration_of_personal_data_can_find_export_and_anonymise(declaration):
    assert callable(declaration.rows)
    assert callable(declaration.export)
    assert callable(declaration.anonymise)
    assert declaration.fields, "a model with personal data names at least one personal field"


def test_models_without_personal_data_say_why():
    for declaration in registry.all_declarations():
        if isinstance(declaration, NoPersonalData):
            assert declaration.reason.strip(), declaration.label


@pytest.fixture
def sebnem(db):
    """A volunteer who applied, took part, logged hours and got a certificate."""
    from esit.activities.services.certificates import issue_certificate

    volunteer = factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Şebnem", last_name="Ilıcak")
    )
    factories.SignUpFactory(volunteer=volunteer)
    factories.HoursEntryFactory(volunteer=volunteer, status="approved", description="Çeviri")
    issue_certificate(volunteer=volunteer)
    return volunteer


def subject_of(volunteer) -> DataSubject:
    return DataSubject(
        user=volunteer.user,
        emails=frozenset({volunteer.user.email}),
        phones=frozenset({volunteer.phone}),
    )


def test_the_exporters_together_give_back_the_persons_records(sebnem):
    subject = subject_of(sebnem)
    sections = [
        section
        for declaration in registry.declarations()
        for section in declaration.export(subject)
    ]

    assert all(isinstance(section, ExportSection) for section in sections)
    values = [str(row.value) for section in sections for row in section.rows]
    assert sebnem.user.email in values
    assert sebnem.phone in values
    assert "Şebnem" in values
    assert "Çeviri" in values


def test_the_anonymisers_together_leave_no_name_address_or_phone(sebnem):
    subject = subject_of(sebnem)
    email, phone = sebnem.user.email, sebnem.phone

    for declaration in registry.declarations():
        declaration.anonymise(subject)

    for declaration in registry.declarations():
        assert not declaration.rows(subject).exists() or declaration.label in {
            # Still found by the account (kept, anonymised) or linked to the profile:
            "accounts.user",
            "volunteers.volunteer",
            "volunteers.volunteerlanguage",
            "activities.signup",
            "activities.hoursentry",
            "activities.certificate",
            "activities.taskassignment",
            "activities.volunteerrecord",
            "notifications.preference",
            "audit.auditevent",
        }, declaration.label
    sebnem.refresh_from_db()
    sebnem.user.refresh_from_db()
    assert email not in (sebnem.user.email,)
    assert sebnem.first_name != "Şebnem"
    assert sebnem.user.first_name != "Şebnem"
    assert sebnem.phone != phone
    assert sebnem.certificates.get().holder_name != "Şebnem Ilıcak"
    assert sebnem.hours.get().description == ""
    assert sebnem.left_at is not None
    assert sebnem.left_at <= timezone.now()
