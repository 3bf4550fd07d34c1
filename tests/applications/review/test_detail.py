"""The application page: everything the applicant wrote, notes, history and decisions."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from esit.accounts.models import User
from esit.applications.models import Application, Decision, Gender, HeardFrom, Note
from esit.applications.services import approve_application, waitlist_application
from esit.reference.availability import to_mask
from esit.volunteers.models import Volunteer
from tests import factories
from tests.applications.review.conftest import decide_url, detail_url
from tests.factories import ApplicationFactory


def page_text(response) -> str:
    """The page's text with tags removed and spaces collapsed, for reading like a person."""
    html = response.content.decode()
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_detail_shows_the_full_application(coordinator_client):
    application = ApplicationFactory(
        first_name="Işıl",
        last_name="Güneş",
        email="isil@example.org",
        phone="+905321112233",
        district=factories.district("karsiyaka"),
        areas=[factories.area("translation"), factories.area("guidance")],
        languages=[(factories.language("ar"), "native"), (factories.language("en"), "fluent")],
        availability=to_mask(["mon_morning", "sat_evening"]),
        experience="Üniversitede akran danışmanlığı yaptım.",
        motivation="Kadın dayanışmasına katkı sunmak istiyorum.",
        heard_from=HeardFrom.FRIEND,
    )
    response = coordinator_client.get(detail_url(application))
    assert response.status_code == 200
    text = page_text(response)
    for expected in [
        "Işıl",
        "Güneş",
        "isil@example.org",
        "0532 111 22 33",  # written the way people read and dial it
        "Karşıyaka",
        "Tercüme",
        "Rehberlik",
        "Arapça (Ana dil)",
        "İngilizce (İleri)",
        "Üniversitede akran danışmanlığı yaptım.",
        "Kadın dayanışmasına katkı sunmak istiyorum.",
        "Arkadaş ya da tanıdık",
        "Açık rıza metni sürüm 1.0",
    ]:
        assert expected in text, expected
    assert 'href="tel:+905321112233"' in response.content.decode()


def test_detail_shows_availability_as_a_week_grid(coordinator_client):
    application = ApplicationFactory(availability=to_mask(["mon_morning", "sat_evening"]))
    html = coordinator_client.get(detail_url(application)).content.decode()
    grid = html[html.index('<table class="availability-grid">') :]
    grid = grid[: grid.index("</table>")]
    rows = re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', grid, flags=re.S)
    cells = {day: re.findall(r'visually-hidden">([^<]+)<', rest) for day, rest in rows}
    assert cells["Pazartesi"] == ["Uygun", "Uygun değil", "Uygun değil"]
    assert cells["Cumartesi"] == ["Uygun değil", "Uygun değil", "Uygun"]
    assert cells["Salı"] == ["Uygun değil"] * 3
    assert "<caption>Haftalık uygunluk</caption>" in grid


def test_gender_is_shown_only_as_its_label(coordinator_client):
    application = ApplicationFactory(
        gender=Gender.SELF_DESCRIBED, gender_self_description="Kendi sözcüklerim"
    )
    text = page_text(coordinator_client.get(detail_url(application)))
    assert "Kendi ifademle" in text
    assert "self_described" not in text
    assert "Kendi sözcüklerim" not in text


def test_missing_application_is_not_found(coordinator_client, db):
    response = coordinator_client.get(reverse("review:detail", args=[987654]))
    assert response.status_code == 404


def test_approve_creates_the_volunteer_and_emails_an_invitation(
    coordinator_client, coordinator, run_on_commit
):
    application = ApplicationFactory(email="yeni.gonullu@example.org")
    with run_on_commit():
        response = coordinator_client.post(decide_url(application), {"decision": "approve"})
    assert response.status_code == 302
    assert response["Location"] == detail_url(application)
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    user = User.objects.get(email="yeni.gonullu@example.org")
    assert Volunteer.objects.filter(user=user, application=application).exists()
    assert application.decisions.get().decided_by == coordinator
    assert [message.to for message in mail.outbox] == [["yeni.gonullu@example.org"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_decision_redirects_to_a_page_with_a_success_message(coordinator_client):
    application = ApplicationFactory()
    response = coordinator_client.post(
        decide_url(application), {"decision": "waitlist"}, follow=True
    )
    assert "Başvuru bekleme listesine alındı" in page_text(response)


def test_waitlist_without_a_reason_is_allowed_and_emails_the_applicant(
    coordinator_client, run_on_commit
):
    application = ApplicationFactory()
    with run_on_commit():
        coordinator_client.post(decide_url(application), {"decision": "waitlist", "reason": ""})
    application.refresh_from_db()
    assert application.status == Application.Status.WAITLISTED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [application.email]
    assert "bekleme listesi" in mail.outbox[0].subject


def test_reject_with_a_reason_emails_the_reason_to_the_applicant(coordinator_client, run_on_commit):
    application = ApplicationFactory()
    reason = "Seçtiğiniz alanlarda bu dönem yer kalmadı."
    with run_on_commit():
        coordinator_client.post(decide_url(application), {"decision": "reject", "reason": reason})
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert application.decision_reason == reason
    assert len(mail.outbox) == 1
    assert reason in mail.outbox[0].body


def test_reject_without_reason_is_refused_and_changes_nothing(coordinator_client, run_on_commit):
    application = ApplicationFactory()
    with run_on_commit():
        response = coordinator_client.post(
            decide_url(application), {"decision": "reject", "reason": "   "}
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="reject_reason_error"' in html
    assert "Olumsuz kararın gerekçesini yazın; başvuru sahibi bunu görecek." in html
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert not Decision.objects.exists()
    assert mail.outbox == []


def test_deciding_a_decided_application_is_refused_with_a_message(
    coordinator_client, coordinator, run_on_commit
):
    application = ApplicationFactory()
    approve_application(application=application, by=coordinator)
    with run_on_commit():
        response = coordinator_client.post(
            decide_url(application), {"decision": "reject", "reason": "Geç kalan ret."}, follow=True
        )
    assert "yeni karar verilemez" in page_text(response)
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    assert application.decisions.count() == 1
    assert mail.outbox == []


def test_an_unknown_decision_changes_nothing(coordinator_client):
    application = ApplicationFactory()
    response = coordinator_client.post(decide_url(application), {"decision": "withdraw"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_decision_forms_are_offered_only_for_open_applications(coordinator_client, coordinator):
    application = ApplicationFactory()
    assert 'value="approve"' in coordinator_client.get(detail_url(application)).content.decode()
    approve_application(application=application, by=coordinator)
    html = coordinator_client.get(detail_url(application)).content.decode()
    assert decide_url(application) not in html


def test_decision_history_lists_who_decided(coordinator_client, coordinator, administrator):
    application = ApplicationFactory()
    waitlist_application(application=application, by=administrator, reason="Kontenjan dolu.")
    approve_application(application=application, by=coordinator)
    html = coordinator_client.get(detail_url(application)).content.decode()
    start = html.index('<table class="history">')
    history = html[start : html.index("</table>", start)]
    rows = re.findall(r"<tr>(.*?)</tr>", history, flags=re.S)[1:]
    assert len(rows) == 2
    assert "Bekleme listesi" in rows[0]
    assert administrator.email in rows[0]
    assert "Kontenjan dolu." in rows[0]
    assert "Onay" in rows[1]
    assert coordinator.email in rows[1]


def test_adding_a_note_records_its_author(coordinator_client, coordinator):
    application = ApplicationFactory()
    response = coordinator_client.post(
        reverse("review:add_note", args=[application.pk]), {"body": "  Telefonla görüşüldü.  "}
    )
    assert response.status_code == 302
    assert response["Location"] == detail_url(application) + "#notes"
    note = Note.objects.get()
    assert (note.application, note.author, note.body) == (
        application,
        coordinator,
        "Telefonla görüşüldü.",
    )
    text = page_text(coordinator_client.get(detail_url(application)))
    assert "Telefonla görüşüldü." in text
    assert coordinator.email in text


def test_an_empty_note_is_refused(coordinator_client):
    application = ApplicationFactory()
    response = coordinator_client.post(
        reverse("review:add_note", args=[application.pk]), {"body": "   "}
    )
    assert response.status_code == 200
    assert 'id="id_body_error"' in response.content.decode()
    assert not Note.objects.exists()


def test_notes_are_shown_escaped(coordinator_client, coordinator):
    application = ApplicationFactory(
        first_name="<b>Kalın</b>", motivation="<script>alert('m')</script>"
    )
    Note.objects.create(
        application=application, author=coordinator, body="<img src=x onerror=alert(1)>"
    )
    html = coordinator_client.get(detail_url(application)).content.decode()
    assert "<img src=x onerror=alert(1)>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert('m')</script>" not in html
    assert "<b>Kalın</b>" not in html


@pytest.mark.parametrize("notes", [1, 6])
def test_detail_runs_a_fixed_number_of_queries(
    coordinator_client, coordinator, django_assert_num_queries, notes
):
    application = ApplicationFactory()
    for n in range(notes):
        Note.objects.create(application=application, author=coordinator, body=f"Not {n}")
    waitlist_application(application=application, by=coordinator)
    coordinator_client.get(detail_url(application))
    with django_assert_num_queries(10):
        coordinator_client.get(detail_url(application))
