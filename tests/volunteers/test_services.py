import pytest

from esit.core.turkish import search_key
from esit.notifications import preferences
from esit.notifications.models import Preference
from esit.volunteers import services
from esit.volunteers.models import Volunteer
from tests import factories

from .conftest import REMINDER


def test_a_stale_profile_cannot_be_changed_after_leaving(volunteer):
    # The same person, in another browser tab, left the programme a moment ago.
    services.withdraw_from_programme(volunteer=Volunteer.objects.get(pk=volunteer.pk))

    with pytest.raises(services.VolunteerError):
        services.update_profile(
            volunteer=volunteer,
            phone="+905337654321",
            district=factories.district("buca"),
            areas=[factories.area("guidance")],
            languages=[],
            availability=1,
        )
    with pytest.raises(services.VolunteerError):
        services.update_notifications(volunteer=volunteer, enabled={REMINDER: True})
    with pytest.raises(services.VolunteerError):
        services.withdraw_from_programme(volunteer=volunteer)

    fresh = Volunteer.objects.get(pk=volunteer.pk)
    assert fresh.district.slug == "konak"
    assert not preferences.wants(volunteer.user, REMINDER)


def test_update_profile_replaces_languages_and_keeps_search_text(volunteer):
    services.update_profile(
        volunteer=volunteer,
        phone="+905337654321",
        district=factories.district("buca"),
        areas=[factories.area("guidance")],
        languages=[(factories.language("fr"), "intermediate")],
        availability=0,
    )

    fresh = Volunteer.objects.get(pk=volunteer.pk)
    assert [(k.language.code, k.level) for k in fresh.languages.all()] == [("fr", "intermediate")]
    assert fresh.search_text == search_key(fresh.first_name, fresh.last_name, fresh.user.email)


def test_a_transactional_kind_cannot_be_turned_off(volunteer):
    with pytest.raises(ValueError, match="cannot be turned off"):
        services.update_notifications(volunteer=volunteer, enabled={"signups.confirmed": False})

    assert not Preference.objects.exists()
