import pytest

from esit.notifications import kinds, preferences
from esit.volunteers import services
from esit.volunteers.models import VolunteerLanguage
from tests import factories

# A second optional kind, so the preference pages show more than the one activities has
# today (the shift reminder); the next capabilities register announcements and invitations.
DIGEST = kinds.register(
    kinds.Kind(
        key="tests.digest",
        label="Haftalık özet (test)",
        template="tests/email/digest",
        context=kinds.never_queued,
        optional=True,
        description="Haftanın etkinlikleri, bir e-postada.",
    )
)
REMINDER = "signups.reminder"


def preferences_of(volunteer) -> tuple[bool, bool]:
    """Whether she gets the shift reminder and the test digest, as the notifications app says."""
    choices = preferences.choices_of(volunteer.user)
    return choices[REMINDER], choices[DIGEST.key]


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
