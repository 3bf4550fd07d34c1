from esit.applications.models import Application


def test_factories_build_a_coordinator_with_two_factor(coordinator):
    from allauth.mfa.utils import is_mfa_enabled

    assert coordinator.is_staff_member
    assert is_mfa_enabled(coordinator)


def test_application_factory_records_consent(db):
    from tests.factories import ApplicationFactory

    application = ApplicationFactory()
    assert Application.objects.open().get() == application
    assert application.consent.notice.version == "1.0"
