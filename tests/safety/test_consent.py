"""What she writes to the safety channel is special-category data (KVKK 6/2): she sends it
only with her explicit consent, ticked on the form, kept as a consent record for the
channel and shown in her own data export (and nowhere a coordinator reads)."""

import json

import pytest

from esit.kvkk.notices import consents_of
from esit.privacy.models import ConsentRecord
from esit.safety import services
from esit.safety.models import Concern

from .conftest import ABOUT, WHAT
from .test_channel import MINE, form

pytestmark = pytest.mark.django_db


def test_without_the_tick_nothing_is_sent_and_the_message_stands_next_to_the_box(
    volunteer_client, handler
):
    data = form()
    del data["consent"]

    response = volunteer_client.post(MINE, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_consent_error"' in page
    assert "açık rızanızı işaretleyin" in page
    summary = page[
        page.index('class="error-summary"') : page.index(
            "</ul>", page.index('class="error-summary"')
        )
    ]
    assert "Açık rıza: " in summary  # named short, not by its whole sentence
    assert "açık rıza veriyorum" not in summary
    assert "ısrarla mesaj attı" in page  # what she typed is kept
    assert Concern.objects.count() == 0
    assert ConsentRecord.objects.count() == 0


def test_the_form_links_the_kvkk_notice(volunteer_client):
    page = volunteer_client.get(MINE).content.decode()

    assert 'name="consent"' in page
    assert 'href="/privacy/"' in page


def test_the_service_refuses_a_concern_without_consent(volunteer):
    with pytest.raises(services.SafetyError) as refusal:
        services.raise_concern(by=volunteer.user, what_happened=WHAT, about=ABOUT)

    assert refusal.value.field == "consent"
    assert Concern.objects.count() == 0


def test_the_consent_is_recorded_for_the_safety_channel(volunteer_client, volunteer, handler):
    response = volunteer_client.post(MINE, form())

    assert response.status_code == 302
    record = ConsentRecord.objects.get(purpose=ConsentRecord.Purpose.SAFETY)
    assert record.user == volunteer.user
    assert record.email == volunteer.user.email
    assert record.ip_hash
    assert record.notice.kind == "explicit_consent"


def test_her_export_shows_it(volunteer_client, volunteer, handler):
    volunteer_client.post(MINE, form())

    document = json.loads(volunteer_client.get("/me/data.json").content)
    values = [
        str(field["value"])
        for record in document["records"]
        for entry in record["entries"]
        for field in entry["fields"]
    ]
    assert "Güvenlik bildirimi" in values
    assert "Güvenlik bildirimi" in volunteer_client.get("/me/data/").content.decode()


def test_it_is_not_her_programme_consent(volunteer, concern):
    """It neither renews her acceptance of the texts nor shows as her latest consent on her
    staff page, where a coordinator would learn from it that she used the channel."""
    assert ConsentRecord.objects.filter(user=volunteer.user).exists()
    assert not consents_of(volunteer.user).exists()
