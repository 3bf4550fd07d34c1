"""Inviting from the matches page, and the volunteer's answer from the e-mail's links."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from esit.activities.models import SignUp, TaskAssignment
from esit.audit.models import AuditEvent
from esit.kvkk import services as kvkk
from esit.matching import selectors, services
from esit.matching.models import Invitation
from esit.notifications.models import Delivery
from tests import factories
from tests.accounts.test_scope import scoped
from tests.matching.conftest import candidate, make_shift

pytestmark = pytest.mark.django_db


def matches_url(shift) -> str:
    return reverse("matching:shift_matches", args=[shift.pk])


def invite_all(client, shift, volunteers, run_on_commit):
    with run_on_commit():
        response = client.post(matches_url(shift), {"volunteers": [v.pk for v in volunteers]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def link_in(message, action: str) -> str:
    found = re.search(rf"http://testserver(/invitations/[A-Za-z0-9_-]+/{action}/)", message.body)
    assert found, message.body
    return found.group(1)


def invitation_email(volunteer):
    (message,) = [m for m in mail.outbox if m.to == [volunteer.user.email]]
    return message


# The matches page ------------------------------------------------------------------------------


def test_the_matches_page_ranks_volunteers_with_their_reasons(coordinator_client, shift):
    candidate("Deniz", "Aydın", district="konak")
    candidate("Ece", "Bulut", district="bergama")
    response = coordinator_client.get(matches_url(shift))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Deniz Aydın") < page.index("Ece Bulut")
    assert "Konak → Konak 0 km: +20" in page
    assert "Alanı eşleşiyor (Atölye çalışmaları): +30" in page


def test_the_matches_page_needs_the_capability(client, shift, volunteer):
    client.force_login(volunteer.user)
    assert client.get(matches_url(shift)).status_code in (302, 403)


def test_a_shift_outside_the_scope_is_not_found(client, shift):
    client.force_login(scoped(factories.StaffFactory(), districts=["bornova"]))
    assert client.get(matches_url(shift)).status_code == 404


def test_the_filters_narrow_the_ranked_list(coordinator_client, shift):
    candidate("Deniz", "Aydın", district="konak")
    candidate("Ece", "Bulut", district="bornova")
    bornova = factories.district("bornova").pk
    page = coordinator_client.get(matches_url(shift), {"district": bornova}).content.decode()
    assert "Ece Bulut" in page
    assert "Deniz Aydın" not in page


def test_the_filter_form_is_rendered_once_per_query_and_follows_the_reference_lists(
    coordinator_client, shift
):
    # Its options come through rendered_fields (esit/reference/filters.py): the second
    # request reads no list of areas or languages for it, and a renamed area shows at once.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from esit.reference.models import VolunteerArea

    bornova = factories.district("bornova").pk
    page = coordinator_client.get(matches_url(shift), {"district": bornova}).content.decode()
    assert f'<option value="{bornova}" selected>' in page
    with CaptureQueriesContext(connection) as queries:
        coordinator_client.get(matches_url(shift), {"district": bornova})
    options = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "reference_volunteerarea"' in q["sql"] or 'FROM "reference_language"' in q["sql"]
    ]
    assert not [sql for sql in options if "is_active" in sql]
    area = VolunteerArea.objects.get(slug="workshops")
    area.name_tr = "Atölyeler (yeni ad)"
    area.save()
    page = coordinator_client.get(matches_url(shift), {"district": bornova}).content.decode()
    assert "Atölyeler (yeni ad)" in page


def test_the_activity_page_links_to_find_volunteers(coordinator_client, shift):
    page = coordinator_client.get(
        reverse("planning:detail", args=[shift.activity_id])
    ).content.decode()
    assert matches_url(shift) in page


# Inviting --------------------------------------------------------------------------------------


def test_inviting_in_bulk_sends_one_invitation_each_and_audits_it(
    coordinator_client, coordinator, shift, run_on_commit
):
    people = [candidate(f"Kişi{n}") for n in range(3)]
    invite_all(coordinator_client, shift, people, run_on_commit)
    invitations = Invitation.objects.filter(shift=shift)
    assert invitations.count() == 3
    assert {i.invited_by for i in invitations} == {coordinator}
    assert all("Alanı eşleşiyor" in i.reason for i in invitations)
    assert Delivery.objects.filter(kind="matching.invitation").count() == 3
    assert AuditEvent.objects.filter(action="matching.invited", actor=coordinator).count() == 3
    assert len(mail.outbox) == 3
    message = invitation_email(people[0])
    assert shift.activity.title_tr in message.subject
    assert link_in(message, "accept")
    assert link_in(message, "decline")


def test_nobody_is_invited_twice_to_the_same_shift(coordinator, shift, run_on_commit):
    person = candidate()
    work = selectors.work_of(shift)
    first = services.invite(work=work, volunteer_ids=[person.pk], by=coordinator)
    second = services.invite(work=work, volunteer_ids=[person.pk], by=coordinator)
    assert len(first.invitations) == 1
    assert second.invitations == []
    assert second.skipped == 1
    assert Invitation.objects.filter(shift=shift, volunteer=person).count() == 1


def test_the_database_refuses_a_second_invitation(coordinator, shift):
    from django.db import IntegrityError, transaction

    person = candidate()
    fields = {
        "shift": shift,
        "volunteer": person,
        "sent_at": timezone.now(),
        "expires_at": shift.starts_at,
    }
    Invitation.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(**fields)


def test_someone_who_breaks_a_rule_is_not_invited_even_if_posted(
    coordinator_client, shift, run_on_commit
):
    paused = candidate(status="paused")
    response = invite_all(coordinator_client, shift, [paused], run_on_commit)
    assert not Invitation.objects.exists()
    assert response.status_code == 302


def test_inviting_with_nobody_selected_says_so_and_changes_nothing(coordinator_client, shift):
    candidate()
    response = coordinator_client.post(matches_url(shift), {})
    assert response.status_code == 200
    assert "Davet etmek için en az bir gönüllü seçin." in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_scoped_coordinator_cannot_invite_outside_her_scope(shift):
    coordinator = scoped(factories.StaffFactory(), districts=["bornova"])
    with pytest.raises(PermissionDenied):
        services.invite(
            work=selectors.work_of(shift), volunteer_ids=[candidate().pk], by=coordinator
        )


# Answering -------------------------------------------------------------------------------------


def test_accepting_from_the_email_link_signs_her_up(
    client, coordinator_client, shift, run_on_commit
):
    person = candidate()
    invite_all(coordinator_client, shift, [person], run_on_commit)
    link = link_in(invitation_email(person), "accept")
    client.logout()
    assert client.get(link).status_code == 200  # a page with a button: nothing answered yet
    assert Invitation.objects.get().status == Invitation.Status.SENT
    response = client.post(link)
    assert response.status_code == 200
    assert "Vardiyaya kaydınız onaylandı" in response.content.decode()
    signup = SignUp.objects.get(shift=shift, volunteer=person)
    assert signup.status == SignUp.Status.CONFIRMED
    invitation = Invitation.objects.get()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.responded_at is not None


def test_a_link_is_used_once(client, coordinator, shift):
    person = candidate()
    (invitation,) = services.invite(
        work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator
    ).invitations
    link = reverse("matching:accept", args=[invitation.token])
    assert client.post(link).status_code == 200
    again = client.post(link)
    assert again.status_code == 400
    assert "Bu daveti zaten kabul ettiniz." in again.content.decode()
    assert SignUp.objects.filter(volunteer=person).count() == 1


def test_accepting_a_full_shift_puts_her_on_the_waitlist_and_says_so(client, coordinator):
    shift = make_shift(capacity=1)
    factories.SignUpFactory(shift=shift, volunteer=candidate("Dolu"))
    person = candidate("Ece")
    (invitation,) = services.invite(
        work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator
    ).invitations
    response = client.post(reverse("matching:accept", args=[invitation.token]))
    assert response.status_code == 200
    assert "bekleme listesine alındınız" in response.content.decode()
    assert SignUp.objects.get(volunteer=person).status == SignUp.Status.WAITLISTED


def test_declining_records_the_answer(client, coordinator, shift):
    person = candidate()
    (invitation,) = services.invite(
        work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator
    ).invitations
    link = reverse("matching:decline", args=[invitation.token])
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    assert not SignUp.objects.filter(volunteer=person).exists()
    assert client.post(reverse("matching:accept", args=[invitation.token])).status_code == 400


def test_an_expired_link_is_refused_with_a_clear_page(client, coordinator, shift):
    person = candidate()
    (invitation,) = services.invite(
        work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator
    ).invitations
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    link = reverse("matching:accept", args=[invitation.token])
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        assert "Bu davetin süresi doldu" in response.content.decode()
    assert not SignUp.objects.filter(volunteer=person).exists()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.EXPIRED


@pytest.mark.parametrize("token", ["tampered-token-0000000000000000000000000000", "x"])
def test_a_tampered_link_is_refused_with_a_clear_page(client, token):
    for response in (
        client.get(reverse("matching:accept", args=[token])),
        client.post(reverse("matching:decline", args=[token])),
    ):
        assert response.status_code == 400
        assert "Bu davet bağlantısı geçersiz" in response.content.decode()


def test_a_changed_token_does_not_open_someone_elses_invitation(client, coordinator, shift):
    person = candidate()
    (invitation,) = services.invite(
        work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator
    ).invitations
    tampered = invitation.token[:-1] + ("A" if invitation.token[-1] != "A" else "B")
    assert client.post(reverse("matching:accept", args=[tampered])).status_code == 400
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT


def test_a_refused_sign_up_leaves_the_invitation_open(client, coordinator, shift):
    """She took another shift at the same time since: the sign-up's own rule refuses."""
    person = candidate()
    (invitation,) = services.invite(
        work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator
    ).invitations
    factories.SignUpFactory(volunteer=person, shift=make_shift(start_hour=11))
    response = client.post(reverse("matching:accept", args=[invitation.token]))
    assert response.status_code == 400
    assert "Aynı saatlerde onaylanmış başka bir vardiyanız var" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT


def test_accepting_a_task_invitation_gives_her_the_task(client, coordinator):
    task = factories.TaskFactory()
    person = candidate(areas=("translation",))
    (invitation,) = services.invite(
        work=selectors.work_of(task), volunteer_ids=[person.pk], by=coordinator
    ).invitations
    response = client.post(reverse("matching:accept", args=[invitation.token]))
    assert response.status_code == 200
    assert TaskAssignment.objects.get(task=task).volunteer == person


def test_the_activity_page_shows_the_invitations_by_status(coordinator_client, coordinator, shift):
    people = [candidate(f"Kişi{n}") for n in range(3)]
    invited = services.invite(
        work=selectors.work_of(shift), volunteer_ids=[p.pk for p in people], by=coordinator
    ).invitations
    services.decline_invitation(invitation=invited[0])
    page = coordinator_client.get(
        reverse("planning:detail", args=[shift.activity_id])
    ).content.decode()
    assert "Davetler" in page
    assert re.search(r"Gönderildi: <strong>2</strong>", page)
    assert re.search(r"Geri çevrildi: <strong>1</strong>", page)
    for person in people:
        assert person.full_name in page


def test_the_reasons_of_an_invitation_are_shown_in_the_readers_language(
    coordinator_client, coordinator, shift
):
    person = candidate()
    services.invite(work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator)
    invitation = Invitation.objects.get(shift=shift, volunteer=person)
    assert "Alanı eşleşiyor" in invitation.reason
    assert "Area matches" in invitation.reason_en
    assert invitation.reason_en.count(";") == invitation.reason.count(";")
    activity_page = reverse("planning:detail", args=[shift.activity_id])
    assert invitation.reason in coordinator_client.get(activity_page).content.decode()
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = coordinator_client.get(activity_page).content.decode()
    assert invitation.reason_en in english
    assert "Alanı eşleşiyor" not in english


def test_an_invitation_sent_before_english_reasons_shows_its_turkish_one(
    coordinator_client, coordinator, shift
):
    person = candidate()
    services.invite(work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator)
    Invitation.objects.filter(shift=shift).update(reason_en="")
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = coordinator_client.get(reverse("planning:detail", args=[shift.activity_id]))
    assert "Alanı eşleşiyor" in page.content.decode()


def test_the_invitation_email_is_in_english_for_an_english_speaker(
    coordinator, shift, run_on_commit
):
    person = candidate()
    person.user.preferred_language = "en"
    person.user.save()
    with run_on_commit():
        services.invite(work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator)
    message = invitation_email(person)
    assert "invite" in message.subject.lower()


def test_expire_invitations_stores_the_status_of_those_past_their_expiry(coordinator, shift):
    from io import StringIO

    from django.core.management import call_command

    people = [candidate(f"Kişi{n}") for n in range(2)]
    old, fresh = services.invite(
        work=selectors.work_of(shift), volunteer_ids=[p.pk for p in people], by=coordinator
    ).invitations
    Invitation.objects.filter(pk=old.pk).update(
        expires_at=timezone.now() - datetime.timedelta(hours=1)
    )
    out = StringIO()
    call_command("expire_invitations", stdout=out)
    assert "1 invitation(s) expired." in out.getvalue()
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.status == Invitation.Status.EXPIRED
    assert fresh.status == Invitation.Status.SENT


def test_the_matches_page_of_a_task_ranks_and_invites(coordinator_client, run_on_commit):
    task = factories.TaskFactory()
    task.required_areas.set([factories.area("translation")])
    translator = candidate("Nour", "Haddad", areas=("translation",))
    candidate("Ece", "Bulut", areas=("workshops",))
    url = reverse("matching:task_matches", args=[task.pk])
    page = coordinator_client.get(url).content.decode()
    assert "Nour Haddad" in page
    assert "Ece Bulut" not in page  # no required area: a hard rule
    assert (
        url
        in coordinator_client.get(
            reverse("planning:detail", args=[task.activity_id])
        ).content.decode()
    )
    with run_on_commit():
        response = coordinator_client.post(url, {"volunteers": [translator.pk]})
    assert response.status_code == 302
    assert Invitation.objects.get(task=task).volunteer == translator


def test_erasure_removes_the_reasons_in_both_languages_and_keeps_the_status(coordinator, shift):
    person = candidate()
    services.invite(work=selectors.work_of(shift), volunteer_ids=[person.pk], by=coordinator)
    kvkk.erase(kvkk.subject_of_user(person.user), actor=person.user)
    invitation = Invitation.objects.get(shift=shift)
    assert (invitation.reason, invitation.reason_en) == ("", "")
    assert invitation.status == Invitation.Status.SENT
