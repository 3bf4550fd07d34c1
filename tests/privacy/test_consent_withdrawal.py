"""KVKK: withdrawing from the programme withdraws the consent, and the record keeps when."""

import pytest

from esit.applications import services as application_services
from esit.volunteers import services as volunteer_services
from tests import factories

pytestmark = pytest.mark.django_db


def test_withdrawing_an_application_withdraws_its_consent():
    application = factories.ApplicationFactory()
    application_services.withdraw_application(application=application)
    application.consent.refresh_from_db()
    assert application.consent.withdrawn_at is not None


def test_a_volunteer_leaving_the_programme_withdraws_the_consent_they_gave(coordinator):
    application = factories.ApplicationFactory()
    application_services.approve_application(application=application, by=coordinator)
    application.refresh_from_db()
    volunteer = volunteer_services.withdraw_from_programme(volunteer=application.user.volunteer)
    application.consent.refresh_from_db()
    assert application.consent.withdrawn_at == volunteer.left_at


def test_an_open_application_keeps_its_consent():
    application = factories.ApplicationFactory()
    application.consent.refresh_from_db()
    assert application.consent.withdrawn_at is None
