"""The processing register has a row for every personal-data field the platform stores, and
the information notice and the VERBİS inventory are generated from it."""

import csv
import io

import pytest
from django.core.management import call_command

from esit.core import personal_data_registry as registry
from esit.privacy import processing


def registered_fields() -> set[tuple[str, str]]:
    return {(d.label, name) for d in registry.declarations() for name in d.fields}


def test_every_personal_field_has_a_row_in_the_register():
    in_register = {(row.model, row.field) for row in processing.rows()}
    missing = sorted(registered_fields() - in_register)
    assert missing == [], f"Add rows to esit/privacy/processing_register.csv for: {missing}"


def test_every_row_names_a_personal_field_that_exists():
    unknown = sorted({(row.model, row.field) for row in processing.rows()} - registered_fields())
    assert unknown == [], f"No such personal-data field: {unknown}"


def test_a_field_has_at_most_one_row_per_group_of_people():
    seen = [(row.model, row.field, row.group) for row in processing.rows()]
    assert len(seen) == len(set(seen))


def test_special_category_data_rests_on_explicit_consent():
    categories = processing.categories_of_fields()
    for row in processing.rows():
        if categories[(row.model, row.field)] == registry.Category.SPECIAL:
            assert row.legal_basis == processing.LegalBasis.SPECIAL_CONSENT, row


@pytest.mark.django_db
def test_the_notice_speaks_to_every_group_with_purposes_bases_and_retention(client):
    html = client.get("/privacy/").content.decode()

    for group in processing.information_notice():
        assert str(group.group.label) in html
        for purpose, bases in group.purposes:
            assert str(purpose.label) in html
            for basis in bases:
                assert str(basis.label) in html
        for retention in group.retention:
            assert retention.text in html
    assert "İzmir Büyükşehir Belediyesi" in html
    assert "30 gün" in html
    assert "Haklarınız (KVKK m.11)" in html


@pytest.mark.django_db
def test_the_notice_is_complete_in_english(client):
    client.cookies["esit_language"] = "en"
    html = client.get("/privacy/").content.decode()

    assert "Applicants for volunteering" in html
    assert "Your rights (KVKK art. 11)" in html


def test_the_verbis_inventory_has_a_line_for_every_group_category_and_purpose():
    output = io.StringIO()
    call_command("verbis_inventory", stdout=output)

    lines = list(csv.DictReader(io.StringIO(output.getvalue())))
    categories = processing.categories_of_fields()
    expected = {
        (
            str(row.group.label),
            str(categories[(row.model, row.field)].label),
            str(row.purpose.label),
        )
        for row in processing.rows()
    }
    assert {(line["group"], line["category"], line["purpose"]) for line in lines} == expected


@pytest.mark.django_db
def test_the_notice_states_the_retention_periods_the_settings_give(client, settings):
    settings.RETENTION = {
        **settings.RETENTION,
        "APPLICATION_MONTHS": 7,
        "PARTICIPANT_MONTHS": 13,
        "INACTIVE_VOLUNTEER_MONTHS": 25,
        "INACTIVE_VOLUNTEER_GRACE_DAYS": 31,
        "AUDIT_MONTHS": 37,
    }
    html = client.get("/privacy/").content.decode()

    assert "karardan 7 ay sonra" in html
    assert "bitiminden 13 ay sonra" in html
    assert "25 ay boyunca" in html
    assert "31 gün sonra" in html
    assert "37 ay sonra silinir" in html
    assert "%(" not in html
