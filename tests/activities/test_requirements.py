"""Required areas and languages are enforced: a volunteer needs at least one of a shift's or
task's required areas and every required language (any level) to sign up or claim; a
coordinator may go outside them only explicitly, and that choice is recorded and shown
(docs/activities.md)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from esit.activities.models import SignUp, TaskAssignment
from esit.activities.services.errors import ActivityError
from esit.activities.services.signups import sign_up
from esit.activities.services.work import assign_task, claim_task
from esit.volunteers.models import VolunteerLanguage
from tests import factories
from tests.activities.signups.conftest import emails_to, fill, make_shift


def speaks(volunteer, *codes, level="basic"):
    for code in codes:
        VolunteerLanguage.objects.create(
            volunteer=volunteer, language=factories.language(code), level=level
        )
    return volunteer


def requiring(target, *, areas=(), languages=()):
    target.required_areas.set([factories.area(slug) for slug in areas])
    target.required_languages.set([factories.language(code) for code in languages])
    return target


@pytest.fixture
def shift(db):
    return make_shift()


@pytest.fixture
def translator(db):
    """Works in translation (the factory's area) and speaks English."""
    return speaks(factories.VolunteerFactory(), "en")


@pytest.fixture
def arabic_shift(db):
    return requiring(make_shift(), areas=["translation", "workshops"], languages=["ar"])


@pytest.fixture
def arabic_task(db):
    return requiring(factories.TaskFactory(), areas=["translation"], languages=["en", "ar"])


# Sign-up ------------------------------------------------------------------------------------


def test_volunteer_without_any_required_area_is_refused_and_told_which(db):
    volunteer = factories.VolunteerFactory(areas=[factories.area("guidance")])
    shift = requiring(make_shift(), areas=["translation", "workshops"])

    with pytest.raises(ActivityError) as refused:
        sign_up(volunteer=volunteer, shift=shift)

    assert refused.value.message == (
        "Bu vardiyaya kaydolamazsınız; profilinizde eksik olan: gereken alanlardan en az biri "
        "(Tercüme, Atölye çalışmaları)."
    )
    assert not SignUp.objects.exists()


def test_one_of_the_required_areas_is_enough(db):
    volunteer = factories.VolunteerFactory(areas=[factories.area("workshops")])
    shift = requiring(make_shift(), areas=["translation", "workshops"])

    assert sign_up(volunteer=volunteer, shift=shift).status == SignUp.Status.CONFIRMED


def test_a_missing_required_language_is_refused_and_named(translator, arabic_shift):
    with pytest.raises(ActivityError, match=r"gereken dil \(Arapça\)"):
        sign_up(volunteer=translator, shift=arabic_shift)

    assert not SignUp.objects.exists()


def test_every_required_language_is_needed_at_any_level(translator, arabic_shift):
    speaks(translator, "ar", level="basic")

    assert sign_up(volunteer=translator, shift=arabic_shift).status == SignUp.Status.CONFIRMED


def test_both_missing_are_said_together(db, arabic_shift):
    volunteer = factories.VolunteerFactory(areas=[factories.area("guidance")])

    with pytest.raises(ActivityError) as refused:
        sign_up(volunteer=volunteer, shift=arabic_shift)

    assert "gereken alanlardan en az biri (Tercüme, Atölye çalışmaları)" in refused.value.message
    assert "gereken dil (Arapça)" in refused.value.message


def test_refusal_in_english_names_the_english_names(translator, arabic_shift):
    with translation.override("en"):
        with pytest.raises(ActivityError) as refused:
            sign_up(volunteer=translator, shift=arabic_shift)
        message = str(refused.value.message)

    assert "required language (Arabic)" in message


# Claiming and assigning tasks ---------------------------------------------------------------


def test_claim_is_refused_without_the_required_languages(translator, arabic_task):
    with pytest.raises(ActivityError, match=r"Bu görevi üstlenemezsiniz.*gereken dil \(Arapça\)"):
        claim_task(volunteer=translator, task=arabic_task)

    assert not TaskAssignment.objects.exists()


def test_claim_is_allowed_with_the_requirements_met(translator, arabic_task):
    speaks(translator, "ar")

    assert claim_task(volunteer=translator, task=arabic_task).status == "claimed"


def test_assigning_outside_the_requirements_needs_the_box(translator, arabic_task, coordinator):
    with pytest.raises(ActivityError) as refused:
        assign_task(task=arabic_task, volunteer=translator, by=coordinator)

    assert refused.value.field == "override_requirements"
    assert translator.full_name in refused.value.message
    assert "gereken dil (Arapça)" in refused.value.message
    assert not TaskAssignment.objects.exists()


def test_assigning_with_the_box_records_who_and_when(translator, arabic_task, coordinator):
    assignment = assign_task(
        task=arabic_task, volunteer=translator, by=coordinator, override_requirements=True
    )

    assignment.refresh_from_db()
    assert assignment.requirements_waived_by == coordinator
    assert timezone.now() - assignment.requirements_waived_at < datetime.timedelta(minutes=1)


def test_the_box_records_nothing_when_the_requirements_are_met(translator, coordinator):
    task = requiring(factories.TaskFactory(), areas=["translation"])

    assignment = assign_task(
        task=task, volunteer=translator, by=coordinator, override_requirements=True
    )

    assert assignment.requirements_waived_by is None
    assert assignment.requirements_waived_at is None


# A coordinator adds a volunteer to a shift --------------------------------------------------


def test_coordinator_adds_a_volunteer_and_is_recorded(translator, coordinator, run_on_commit):
    shift = make_shift(activity__requires_approval=True)

    with run_on_commit():
        signup = sign_up(volunteer=translator, shift=shift, by=coordinator)

    assert signup.status == SignUp.Status.CONFIRMED  # the coordinator's word is the approval
    assert signup.added_by == coordinator
    assert signup.requirements_waived_by is None
    (email,) = emails_to(mail.outbox, translator)
    assert "Bir koordinatör sizi bu vardiyaya ekledi" in email.body


def test_coordinator_adding_to_a_full_shift_puts_them_on_the_waitlist(translator, coordinator):
    shift = make_shift(capacity=1)
    fill(shift, 1)

    signup = sign_up(volunteer=translator, shift=shift, by=coordinator)

    assert signup.status == SignUp.Status.WAITLISTED


def test_coordinator_cannot_add_someone_to_an_overlapping_shift(translator, coordinator):
    shift = make_shift()
    factories.SignUpFactory(
        volunteer=translator,
        shift=factories.ShiftFactory(starts_at=shift.starts_at, ends_at=shift.ends_at),
    )

    with pytest.raises(ActivityError, match="aynı anda iki vardiyada olamaz") as refused:
        sign_up(volunteer=translator, shift=shift, by=coordinator)

    assert translator.full_name in refused.value.message


def test_coordinator_cannot_add_someone_twice(translator, coordinator, shift):
    sign_up(volunteer=translator, shift=shift, by=coordinator)

    with pytest.raises(ActivityError, match="bu vardiyaya zaten kayıtlı"):
        sign_up(volunteer=translator, shift=shift, by=coordinator)


def test_coordinator_adding_outside_the_requirements_needs_the_box(
    translator, arabic_shift, coordinator
):
    with pytest.raises(ActivityError) as refused:
        sign_up(volunteer=translator, shift=arabic_shift, by=coordinator)

    assert refused.value.field == "override_requirements"
    assert "Gereksinimler karşılanmasa da ekle" in refused.value.message
    assert not SignUp.objects.exists()


def test_coordinator_adding_with_the_box_records_who_and_when(
    translator, arabic_shift, coordinator
):
    signup = sign_up(
        volunteer=translator, shift=arabic_shift, by=coordinator, override_requirements=True
    )

    signup.refresh_from_db()
    assert signup.requirements_waived_by == coordinator
    assert signup.requirements_waived_at is not None


def test_a_volunteer_cannot_waive_requirements_for_themselves(translator, arabic_shift):
    with pytest.raises(ActivityError, match="Bu vardiyaya kaydolamazsınız"):
        sign_up(
            volunteer=translator, shift=arabic_shift, by=translator.user, override_requirements=True
        )


# Pages --------------------------------------------------------------------------------------


@pytest.fixture
def translator_client(client, translator):
    client.force_login(translator.user)
    return client


def test_activity_page_says_what_is_missing_instead_of_a_sign_up_button(
    translator_client, arabic_shift
):
    html = translator_client.get(f"/activities/{arabic_shift.activity_id}/").content.decode()

    assert f'action="/activities/shifts/{arabic_shift.pk}/sign-up/"' not in html
    assert "Bu vardiyaya kaydolamazsınız; profilinizde eksik olan: gereken dil (Arapça)." in html


def test_activity_page_says_what_is_missing_instead_of_a_claim_button(
    translator_client, arabic_task
):
    html = translator_client.get(f"/activities/{arabic_task.activity_id}/").content.decode()

    assert f'action="/activities/tasks/{arabic_task.pk}/claim/"' not in html
    assert "Bu görevi üstlenemezsiniz; profilinizde eksik olan: gereken dil (Arapça)." in html
    assert "Gereken diller: Arapça, İngilizce" in html


def test_activity_page_offers_sign_up_when_the_requirements_are_met(translator_client, translator):
    shift = requiring(make_shift(), areas=["translation"], languages=["en"])

    html = translator_client.get(f"/activities/{shift.activity_id}/").content.decode()

    assert f'action="/activities/shifts/{shift.pk}/sign-up/"' in html


def assign_url(task) -> str:
    return f"/staff/activities/{task.activity_id}/tasks/{task.pk}/assign/"


def test_task_assign_page_refuses_next_to_the_box_and_keeps_the_choice(
    coordinator_client, translator, arabic_task
):
    response = coordinator_client.post(
        assign_url(arabic_task) + "?q=" + translator.last_name, {"volunteer": translator.pk}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_override_requirements_error"' in html
    assert "Gereksinimler karşılanmasa da ata" in html
    assert f'<option value="{translator.pk}" selected>' in html
    assert not TaskAssignment.objects.exists()


def test_task_assign_page_with_the_box_assigns_and_shows_the_waiver(
    coordinator_client, coordinator, translator, arabic_task
):
    response = coordinator_client.post(
        assign_url(arabic_task), {"volunteer": translator.pk, "override_requirements": "on"}
    )

    assert response.status_code == 302
    html = coordinator_client.get(assign_url(arabic_task)).content.decode()
    assert "Gereksinimler karşılanmadan atandı" in html
    assert coordinator.email in html


def add_url(shift) -> str:
    return f"/staff/shifts/{shift.pk}/add-volunteer/"


def test_roster_links_to_adding_a_volunteer(coordinator_client, shift):
    html = coordinator_client.get(f"/staff/activities/{shift.activity_id}/roster/").content
    assert f'href="{add_url(shift)}"' in html.decode()


def test_add_page_finds_volunteers_by_name_the_turkish_way(coordinator_client, shift):
    isil = factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Işıl", last_name="İnce"),
        search_text="ışıl ince isil@example.org",
    )

    html = coordinator_client.get(add_url(shift), {"q": "IŞIL"}).content.decode()

    assert f'<option value="{isil.pk}">' in html
    assert "1 etkin gönüllü bulundu." in html


def test_add_page_adds_the_volunteer_and_the_roster_shows_who_added_them(
    coordinator_client, coordinator, translator, shift
):
    response = coordinator_client.post(add_url(shift), {"volunteer": translator.pk})

    assert response.status_code == 302
    assert response["Location"] == f"/staff/activities/{shift.activity_id}/roster/#shift-{shift.pk}"
    signup = SignUp.objects.get(shift=shift, volunteer=translator)
    assert signup.added_by == coordinator
    html = coordinator_client.get(response["Location"]).content.decode()
    assert "Koordinatör ekledi:" in html


def test_add_page_refuses_outside_the_requirements_next_to_the_box(
    coordinator_client, translator, arabic_shift
):
    response = coordinator_client.post(add_url(arabic_shift), {"volunteer": translator.pk})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_override_requirements_error"' in html
    assert "gereken dil (Arapça)" in html
    assert not SignUp.objects.exists()


def test_add_page_with_the_box_adds_and_the_roster_shows_the_waiver(
    coordinator_client, coordinator, translator, arabic_shift
):
    coordinator_client.post(
        add_url(arabic_shift), {"volunteer": translator.pk, "override_requirements": "on"}
    )

    html = coordinator_client.get(f"/staff/activities/{arabic_shift.activity_id}/roster/")
    html = html.content.decode()
    row = html[html.index(f'<th scope="row">{translator.full_name}') :]
    assert "Gereksinimler karşılanmadan eklendi" in row[: row.index("</tr>")]


def test_add_page_is_for_staff_only(volunteer_client, shift):
    assert volunteer_client.get(add_url(shift)).status_code == 403
    assert volunteer_client.post(add_url(shift), {"volunteer": 1}).status_code == 403


def test_roster_offers_no_adding_to_a_shift_that_has_started(coordinator_client):
    running = make_shift(starts_in_hours=-0.5)

    html = coordinator_client.get(f"/staff/activities/{running.activity_id}/roster/").content

    assert f'href="{add_url(running)}"' not in html.decode()
