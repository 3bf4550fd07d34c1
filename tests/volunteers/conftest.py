import pytest

from esit.volunteers import services
from esit.volunteers.models import VolunteerLanguage
from tests import factories


@pytest.fixture
def multilingual_volunteer(volunteer):
    """The `volunteer` persona speaking English fluently and Arabic at an intermediate level."""
    VolunteerLanguage.objects.create(
        volunteer=volunteer, language=factories.language("en"), level="fluent"
    )
    VolunteerLanguage.objects.create(
        volunteer=volunteer, language=factories.language("ar"), level="intermediate"
    )
    return volunteer


@pytest.fixture
def withdrawn_volunteer(volunteer):
    return services.withdraw_from_programme(volunteer=volunteer)


@pytest.fixture
def withdrawn_volunteer_client(client, withdrawn_volunteer):
    client.force_login(withdrawn_volunteer.user)
    return client


@pytest.fixture
def signed_in_without_profile(client, db):
    """Someone with an account but no volunteer profile (not staff, so no 2FA detour)."""
    user = factories.UserFactory(email="hesap@example.org")
    client.force_login(user)
    return client


@pytest.fixture
def profile_data():
    """A complete, valid profile form as a browser would post it."""
    return {
        "phone": "0533 765 43 21",
        "district": factories.district("bornova").pk,
        "areas": [factories.area("workshops").pk, factories.area("field-research").pk],
        "availability": ["tue_evening", "sat_morning"],
        "language_de": "basic",
        "language_tr": "native",
    }
