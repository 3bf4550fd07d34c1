"""Bulk approve and bulk reject from the queue."""

from django.core import mail
from django.urls import reverse

from esit.accounts.models import User
from esit.applications.models import Application, Decision
from esit.applications.services import approve_application
from esit.volunteers.models import Volunteer
from tests import factories
from tests.factories import ApplicationFactory

BULK_URL = reverse("review:bulk_decide")


def test_bulk_approve_creates_volunteer_accounts(coordinator_client, coordinator, run_on_commit):
    first = ApplicationFactory(email="bir@example.org")
    second = ApplicationFactory(email="iki@example.org")
    untouched = ApplicationFactory(email="uc@example.org")
    with run_on_commit():
        response = coordinator_client.post(
            BULK_URL, {"applications": [first.pk, second.pk], "decision": "approve"}
        )
    assert response.status_code == 302
    for application in (first, second):
        application.refresh_from_db()
        assert application.status == Application.Status.APPROVED
        assert application.user.email == application.email
        assert Volunteer.objects.filter(user=application.user).exists()
        assert application.decisions.get().decided_by == coordinator
    untouched.refresh_from_db()
    assert untouched.status == Application.Status.SUBMITTED
    assert not User.objects.filter(email="uc@example.org").exists()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "bir@example.org",
        "iki@example.org",
    ]


def test_bulk_reject_emails_the_reason_to_each_applicant(coordinator_client, run_on_commit):
    applications = [ApplicationFactory(), ApplicationFactory()]
    reason = "Bu dönemin kontenjanı doldu."
    with run_on_commit():
        coordinator_client.post(
            BULK_URL,
            {"applications": [a.pk for a in applications], "decision": "reject", "reason": reason},
        )
    assert set(Application.objects.values_list("status", flat=True)) == {"rejected"}
    assert set(Application.objects.values_list("decision_reason", flat=True)) == {reason}
    assert len(mail.outbox) == 2
    assert all(reason in message.body for message in mail.outbox)


def test_bulk_reject_without_reason_is_refused_and_changes_nothing(
    coordinator_client, run_on_commit
):
    first, second = ApplicationFactory(), ApplicationFactory()
    with run_on_commit():
        response = coordinator_client.post(
            BULK_URL,
            {"applications": [first.pk, second.pk], "decision": "reject", "reason": " "},
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_reason_error"' in html
    assert "Olumsuz kararın gerekçesini yazın" in html
    # The ticked rows stay ticked, so the coordinator only has to add the reason.
    assert f'value="{first.pk}" id="select-{first.pk}" checked' in html
    assert f'value="{second.pk}" id="select-{second.pk}" checked' in html
    assert set(Application.objects.values_list("status", flat=True)) == {"submitted"}
    assert not Decision.objects.exists()
    assert mail.outbox == []


def test_bulk_without_a_selection_is_refused(coordinator_client):
    ApplicationFactory()
    response = coordinator_client.post(BULK_URL, {"decision": "approve"})
    assert response.status_code == 200
    assert "Önce listeden en az bir başvuru seçin." in response.content.decode()
    assert not Decision.objects.exists()


def test_bulk_result_says_how_many_were_done_and_which_were_skipped_and_why(
    coordinator_client, coordinator, run_on_commit
):
    open_one = ApplicationFactory(first_name="Açık", last_name="Başvuru")
    decided = ApplicationFactory(first_name="Kararlı", last_name="Başvuru")
    approve_application(application=decided, by=coordinator)
    with run_on_commit():
        response = coordinator_client.post(
            BULK_URL,
            {"applications": [open_one.pk, decided.pk], "decision": "approve"},
            follow=True,
        )
    text = " ".join(response.content.decode().split())
    assert "1 başvuru onaylandı." in text
    assert "1 başvuru atlandı: Kararlı Başvuru: Bu başvuru için karar verilmiş" in text
    open_one.refresh_from_db()
    assert open_one.status == Application.Status.APPROVED
    assert decided.decisions.count() == 1
    assert [message.to for message in mail.outbox] == [[open_one.email]]


def test_bulk_skipped_names_are_shown_escaped(coordinator_client, coordinator):
    decided = ApplicationFactory(first_name="<i>Eğik</i>", last_name="Ad")
    approve_application(application=decided, by=coordinator)
    response = coordinator_client.post(
        BULK_URL, {"applications": [decided.pk], "decision": "approve"}, follow=True
    )
    html = response.content.decode()
    assert "<i>Eğik</i>" not in html
    assert "&lt;i&gt;Eğik&lt;/i&gt; Ad" in html


def test_bulk_decision_returns_to_the_same_filtered_queue(coordinator_client):
    application = ApplicationFactory(district=factories.district("buca"))
    buca = factories.district("buca").pk
    response = coordinator_client.post(
        f"{BULK_URL}?district={buca}&q=%C4%B1%C5%9F%C4%B1l&page=2",
        {"applications": [application.pk], "decision": "approve"},
    )
    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse('review:list')}?district={buca}&q=%C4%B1%C5%9F%C4%B1l&page=2"
    )


def test_the_bulk_form_posts_to_the_bulk_address_with_the_filters(coordinator_client):
    ApplicationFactory(district=factories.district("buca"))
    buca = factories.district("buca").pk
    html = coordinator_client.get(
        reverse("review:list"), {"district": buca, "status": "submitted"}
    ).content.decode()
    assert f'action="{BULK_URL}?district={buca}&amp;status=submitted"' in html


def test_bulk_with_an_unknown_application_is_refused(coordinator_client):
    application = ApplicationFactory()
    response = coordinator_client.post(
        BULK_URL, {"applications": [application.pk, 987654], "decision": "approve"}
    )
    assert response.status_code == 200
    assert "listeyi yenileyin" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_bulk_reject_is_a_danger_button_beside_bulk_approve(coordinator_client):
    ApplicationFactory()
    html = coordinator_client.get(reverse("review:list")).content.decode()
    assert (
        '<button type="submit" name="decision" value="reject" '
        'class="button button-secondary button-danger">Seçilenleri olumsuz sonuçlandır</button>'
    ) in html
    assert (
        '<button type="submit" name="decision" value="approve" class="button">'
        "Seçilenleri onayla</button>"
    ) in html


def test_a_single_reject_is_a_danger_button(coordinator_client):
    application = ApplicationFactory()
    html = coordinator_client.get(reverse("review:detail", args=[application.pk])).content.decode()
    assert 'class="button button-danger">Başvuruyu olumsuz sonuçlandır</button>' in html


def test_bulk_without_a_decision_is_refused_next_to_the_buttons(coordinator_client):
    application = ApplicationFactory()
    response = coordinator_client.post(BULK_URL, {"applications": [application.pk]})
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<p class="error-message" id="id_decision_error">Onay mı ret mi, bir karar seçin.</p>'
        in (html)
    )
    assert 'href="#id_decision_group"' in html
    assert not Decision.objects.exists()
