"""submit_application() and the database constraints behind it, as a task or command calls it."""

import uuid

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from esit.accounts.models import User
from esit.applications import services
from esit.applications.models import Application
from esit.volunteers.models import Volunteer
from tests import factories

pytestmark = pytest.mark.django_db


def _submit(**changes):
    fields = {
        "first_name": "Ayşe",
        "last_name": "Yılmaz",
        "email": "ayse@example.org",
        "phone": "+905321234567",
        "birth_date": "1990-05-17",
        "district": factories.district(),
        "motivation": "Eşitlik için",
    }
    key = changes.pop("submission_key", None) or uuid.uuid4()
    fields.update(changes)
    return services.submit_application(
        fields=fields,
        areas=[factories.area()],
        languages=[(factories.language("ar"), "basic")],
        consent=True,
        submission_key=key,
        language="tr",
        ip="127.0.0.1",
    )


class Abandoned(Exception):
    pass


def _submit_then_roll_back():
    with transaction.atomic():
        _submit()
        raise Abandoned


def test_submit_creates_the_application_its_areas_languages_and_consent():
    submission = _submit()
    assert submission.created
    application = Application.objects.get()
    assert list(application.areas.all()) == [factories.area()]
    assert [(row.language.code, row.level) for row in application.languages.all()] == [
        ("ar", "basic")
    ]
    assert application.consent.email == "ayse@example.org"


def test_submit_again_with_the_same_key_returns_the_first_application():
    key = uuid.uuid4()
    first = _submit(submission_key=key)
    again = _submit(submission_key=key, first_name="Başka")
    assert not again.created
    assert again.application.pk == first.application.pk
    assert Application.objects.get().first_name == "Ayşe"


def test_a_rolled_back_submission_leaves_nothing_and_sends_no_email(run_on_commit):
    with run_on_commit(), pytest.raises(Abandoned):
        _submit_then_roll_back()
    assert Application.objects.count() == 0
    assert mail.outbox == []


def test_duplicate_message_does_not_say_which_detail_matched():
    factories.ApplicationFactory(email="x@example.org", phone="+905321234567")
    with pytest.raises(services.DuplicateApplication) as by_phone:
        _submit(email="y@example.org")
    factories.ApplicationFactory(email="ayse@example.org", phone="+905329999999")
    with pytest.raises(services.DuplicateApplication) as by_email:
        _submit(phone="+905328888888")
    assert str(by_phone.value.message) == str(by_email.value.message)


def test_a_racing_duplicate_is_stopped_by_the_database_and_still_reminded(
    monkeypatch, run_on_commit
):
    """Two requests at once both pass the Python check; the unique constraint decides."""
    existing = factories.ApplicationFactory(email="ayse@example.org")
    real_check = services.find_open_duplicate
    calls = []

    def check_that_misses_the_first_time(**kwargs):
        calls.append(kwargs)
        return None if len(calls) == 1 else real_check(**kwargs)

    monkeypatch.setattr(services, "find_open_duplicate", check_that_misses_the_first_time)
    with run_on_commit(), pytest.raises(services.DuplicateApplication) as duplicate:
        _submit()
    assert duplicate.value.existing == existing
    assert Application.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["ayse@example.org"]]


def test_the_database_refuses_two_open_applications_with_one_email():
    factories.ApplicationFactory(email="ayse@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ApplicationFactory(email="ayse@example.org")


def test_the_database_refuses_two_open_applications_with_one_phone():
    factories.ApplicationFactory(phone="+905321234567")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ApplicationFactory(phone="+905321234567")


def test_the_database_allows_a_new_application_after_a_closed_one():
    factories.ApplicationFactory(email="ayse@example.org", status=Application.Status.REJECTED)
    factories.ApplicationFactory(email="ayse@example.org")
    assert Application.objects.filter(email="ayse@example.org").count() == 2


def test_the_database_refuses_a_reused_submission_key():
    key = uuid.uuid4()
    factories.ApplicationFactory(submission_key=key)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ApplicationFactory(submission_key=key)


def test_each_application_gets_its_own_unguessable_status_token():
    first, second = factories.ApplicationFactory(), factories.ApplicationFactory()
    assert first.status_token != second.status_token
    assert len(first.status_token) >= 40


def test_withdraw_service_refuses_a_closed_application():
    application = factories.ApplicationFactory(status=Application.Status.WITHDRAWN)
    with pytest.raises(services.ApplicationError):
        services.withdraw_application(application=application)


def test_approving_an_application_with_a_staff_members_email_is_refused(coordinator):
    staff = factories.StaffFactory(role="coordinator", email="personel@example.org")
    application = factories.ApplicationFactory(email="personel@example.org")
    with pytest.raises(services.ApplicationError):
        services.approve_application(application=application, by=coordinator)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert not Volunteer.objects.filter(user=staff).exists()


def test_approval_finds_an_existing_account_whatever_the_case_of_its_email(coordinator):
    existing = User.objects.create_user(email="Karma.HARF.İDİL@example.org")
    application = factories.ApplicationFactory(email="karma.harf.idil@example.org")
    services.approve_application(application=application, by=coordinator)
    application.refresh_from_db()
    assert application.user == existing
