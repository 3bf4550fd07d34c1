import pytest

from esit.activities.services.certificates import issue_certificate
from esit.activities.services.participants import register_participant
from esit.applications.models import Application
from esit.applications.services import approve_application
from esit.volunteers.models import Volunteer
from tests import factories

NAME, SURNAME = "Nurşen", "Yıldızhan"
EMAIL = "nursen.yildizhan@example.org"
PHONE = "+905327771122"


@pytest.fixture
def nursen(db, coordinator, run_on_commit):
    """A volunteer with a whole history: applied, approved, signed up, logged hours, got a
    certificate, registered for a public workshop with the same address, received e-mails."""
    application = factories.ApplicationFactory(
        first_name=NAME,
        last_name=SURNAME,
        email=EMAIL,
        phone=PHONE,
        motivation=f"Ben {NAME}; kadın dayanışması için buradayım.",
        experience="Derneğimizde Yıldızhan ailesiyle çalıştım.",
    )
    with run_on_commit():
        approve_application(application=application, by=coordinator)
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    volunteer = Volunteer.objects.get(application=application)
    factories.SignUpFactory(volunteer=volunteer, shift=factories.ShiftFactory())
    factories.HoursEntryFactory(
        volunteer=volunteer, status="approved", description=f"{NAME} broşürü çevirdi"
    )
    issue_certificate(volunteer=volunteer)
    workshop = factories.ActivityFactory(public_registration=True, public_capacity=5)
    with run_on_commit():
        register_participant(
            activity=workshop,
            name=f"{NAME} {SURNAME}",
            email=EMAIL,
            phone="0532 777 11 22",
            language="tr",
            ip="203.0.113.9",
        )
    return volunteer
