"""She may take back the explicit consent she gave with a concern, at any time and as easily
as she gave it (KVKK 7): asked first, then every text of the concern goes (hers, the replies,
the handlers' notes), an open concern is closed as withdrawn, the handling record and its
dates stay, and her consent record says when it was taken back."""

import pytest
from django.urls import reverse
from django.utils import translation

from esit.audit.models import AuditEvent
from esit.kvkk import services as kvkk
from esit.privacy.models import ConsentRecord
from esit.safety import services
from esit.safety.models import Concern, ConcernEntry
from tests import factories

from .conftest import ABOUT, WHAT
from .test_channel import MINE

pytestmark = pytest.mark.django_db


def withdraw_url(concern) -> str:
    return reverse("safety:withdraw", args=[concern.pk])


def test_her_page_offers_the_withdrawal_beside_each_concern(volunteer_client, concern):
    page = volunteer_client.get(MINE).content.decode()
    assert f'action="{withdraw_url(concern)}"' in page
    assert "Açık rızamı geri al" in page


def test_she_is_asked_first_and_nothing_changes_until_she_confirms(volunteer_client, concern):
    response = volunteer_client.post(withdraw_url(concern))
    assert response.status_code == 200
    assert "geri dönüşsüz olarak silinir" in response.content.decode()
    concern.refresh_from_db()
    assert concern.what_happened == WHAT
    assert concern.texts_removed_at is None


def test_confirmed_every_text_goes_and_the_record_stays(
    volunteer_client, volunteer, concern, handler
):
    services.acknowledge(concern=concern, by=handler)
    services.add_entry(concern=concern, by=handler, kind="reply", text="Sizi arayacağız.")
    services.add_entry(concern=concern, by=handler, kind="note", text="Mehmet ile görüşülecek.")

    response = volunteer_client.post(withdraw_url(concern), {"confirmed": "yes"})

    assert response.status_code == 302
    concern.refresh_from_db()
    assert [getattr(concern, name) for name in services.CONCERN_TEXTS] == [""] * 5
    assert set(ConcernEntry.objects.filter(concern=concern).values_list("text", flat=True)) == {""}
    assert concern.texts_removed_at is not None
    assert concern.status == Concern.Status.CLOSED
    assert concern.outcome == Concern.Outcome.WITHDRAWN
    assert concern.acknowledged_at is not None  # the handling record
    assert concern.raised_by == volunteer.user
    record = ConsentRecord.objects.get(user=volunteer.user, purpose=ConsentRecord.Purpose.SAFETY)
    assert record.withdrawn_at == concern.texts_removed_at
    event = AuditEvent.objects.get(action="safety.consent_withdrawn")
    assert event.actor == volunteer.user
    assert WHAT not in event.summary
    assert ABOUT not in event.summary


def test_her_page_then_says_the_texts_were_removed(volunteer_client, concern):
    volunteer_client.post(withdraw_url(concern), {"confirmed": "yes"})
    page = volunteer_client.get(MINE).content.decode()
    assert "açık rızanızı geri aldınız" in page.lower()
    assert "tarihinde silindi" in page
    assert WHAT not in page
    assert f'action="{withdraw_url(concern)}"' not in page


def test_a_closed_concern_keeps_its_outcome(volunteer, concern, handler):
    services.acknowledge(concern=concern, by=handler)
    services.close(concern=concern, by=handler, outcome=Concern.Outcome.ACTION_TAKEN)
    withdrawn = services.withdraw_consent(concern=concern, by=volunteer.user)
    assert withdrawn.outcome == Concern.Outcome.ACTION_TAKEN
    assert withdrawn.what_happened == ""


def test_a_later_erasure_keeps_the_moment_of_the_withdrawal(volunteer, concern):
    withdrawn = services.withdraw_consent(concern=concern, by=volunteer.user)
    kvkk.erase(kvkk.subject_of_user(volunteer.user), actor=volunteer.user)
    concern.refresh_from_db()
    assert concern.texts_removed_at == withdrawn.texts_removed_at
    assert concern.raised_by is None


def test_the_trail_says_it_in_the_programmes_language(volunteer, concern):
    with translation.override("en"):
        services.withdraw_consent(concern=concern, by=volunteer.user)
    event = AuditEvent.objects.get(action="safety.consent_withdrawn")
    assert "açık rıza geri alındı" in event.summary


def test_someone_elses_concern_is_not_found(client, concern):
    other = factories.VolunteerFactory()
    client.force_login(other.user)
    response = client.post(withdraw_url(concern), {"confirmed": "yes"})
    assert response.status_code == 404
    concern.refresh_from_db()
    assert concern.what_happened == WHAT


def test_the_service_refuses_anyone_but_her_and_a_second_time(volunteer, concern, handler):
    with pytest.raises(services.SafetyError):
        services.withdraw_consent(concern=concern, by=handler)
    services.withdraw_consent(concern=concern, by=volunteer.user)
    with pytest.raises(services.SafetyError):
        services.withdraw_consent(concern=concern, by=volunteer.user)


def test_the_handlers_page_shows_nothing_of_it_any_more(handler_client, volunteer, concern):
    services.withdraw_consent(concern=concern, by=volunteer.user)
    page = handler_client.get(reverse("safety:staff_detail", args=[concern.pk])).content
    assert WHAT.encode() not in page
    assert ABOUT.encode() not in page


def test_the_page_is_in_english_for_an_english_reader(volunteer_client, concern, settings):
    volunteer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = volunteer_client.get(MINE).content.decode()
    assert "Withdraw my consent" in page
    asked = volunteer_client.post(withdraw_url(concern)).content.decode()
    assert "cannot be undone" in asked
