"""The right to learn what is held (KVKK article 11): every record, every personal field,
built from the registry's exporters, as a readable page and as JSON."""

import json

from esit.audit.models import AuditEvent
from esit.core import personal_data_registry as registry
from esit.kvkk import services

from .conftest import EMAIL, NAME, PHONE


def test_the_subject_of_an_account_gathers_the_addresses_of_her_own_records(nursen):
    subject = services.subject_of_user(nursen.user)

    assert EMAIL in subject.emails
    assert PHONE in subject.phones


def test_the_export_holds_every_personal_field_of_every_record_about_her(nursen):
    subject = services.subject_of_user(nursen.user)
    held = {item.label: item for item in services.held_data(subject)}

    for declaration in registry.declarations():
        if not declaration.rows(subject).exists():
            continue
        # Each model that has rows about her is in the export, found through the registry,
        # so a new model or field cannot be left out without this failing.
        assert declaration.label in held, declaration.label
        exported = {
            str(row.label) for section in held[declaration.label].sections for row in section.rows
        }
        assert exported, declaration.label


def test_the_json_download_is_her_data_and_is_audited(client, nursen):
    client.force_login(nursen.user)

    response = client.get("/me/data.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    values = [
        str(field["value"])
        for record in document["records"]
        for entry in record["entries"]
        for field in entry["fields"]
    ]
    assert EMAIL in values
    assert PHONE in values
    assert NAME in values
    assert AuditEvent.objects.filter(action="kvkk.data_exported", actor=nursen.user).exists()


def test_the_readable_page_explains_the_categories_and_shows_her_records(client, nursen):
    client.force_login(nursen.user)

    response = client.get("/me/data/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Size ulaşmamızı sağlayan bilgiler" in text
    assert EMAIL in text
    assert "Yıldızhan" in text
    assert 'href="/me/data.json"' in text


def test_the_page_is_for_the_signed_in_person_only(client, db):
    response = client.get("/me/data/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_applicant_reads_and_downloads_her_data_from_the_status_link(client, db):
    from tests import factories

    application = factories.ApplicationFactory(email="basvuran@example.org")
    base = f"/apply/status/{application.status_token}/data"

    page = client.get(f"{base}/")
    download = client.get(f"{base}.json")

    assert page.status_code == 200
    assert "basvuran@example.org" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex"
    assert json.loads(download.content)["records"]
    assert client.get("/apply/status/unknown-token-000/data/").status_code == 404
