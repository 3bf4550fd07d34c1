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


def profile_change(volunteer, **changes):
    values = {
        "phone": "+905321112233",
        "district": factories.district("bornova"),
        "areas": [factories.area("workshops")],
        "languages": [(factories.language("en"), "fluent")],
        "availability": 0b111,
        **changes,
    }
    return services.update_profile(volunteer=volunteer, **values)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "0232 123 45 67"),  # a landline: the programme writes to mobiles
        ("phone", ""),
        ("areas", []),
        ("availability", 1 << 21),
    ],
)
def test_the_profile_service_keeps_the_rules_of_the_form(volunteer, field, value):
    before = (volunteer.phone, volunteer.district_id, volunteer.availability)

    with pytest.raises(services.VolunteerError) as refused:
        profile_change(volunteer, **{field: value})

    assert refused.value.field == field
    volunteer.refresh_from_db()
    assert (volunteer.phone, volunteer.district_id, volunteer.availability) == before


def test_the_profile_service_refuses_a_district_no_longer_offered(volunteer):
    closed = factories.district("bornova")
    closed.is_active = False
    closed.save(update_fields=["is_active"])

    with pytest.raises(services.VolunteerError) as refused:
        profile_change(volunteer, district=closed)

    assert refused.value.field == "district"


def test_the_profile_service_names_the_language_a_refusal_is_about(volunteer):
    english = factories.language("en")
    with pytest.raises(services.VolunteerError) as refused:
        profile_change(volunteer, languages=[(english, "fluent"), (english, "basic")])

    assert refused.value.field == "language_en"


def test_the_profile_service_stores_the_phone_in_its_one_form(volunteer):
    profile_change(volunteer, phone="0532 111 22 33")
    volunteer.refresh_from_db()
    assert volunteer.phone == "+905321112233"


def test_a_profile_change_is_recorded_by_field_name_in_the_audit_trail(volunteer):
    from esit.audit.models import AuditEvent

    profile_change(volunteer, phone="0532 111 22 33")

    event = AuditEvent.objects.get(action="volunteers.profile_changed")
    assert event.actor == volunteer.user
    assert event.person_id == str(volunteer.pk)
    assert "phone" in event.summary
    assert "111" not in event.summary


def test_saving_an_unchanged_profile_records_nothing(volunteer):
    from esit.audit.models import AuditEvent

    profile_change(volunteer)
    before = AuditEvent.objects.count()
    volunteer.refresh_from_db()
    profile_change(volunteer)
    assert AuditEvent.objects.count() == before
