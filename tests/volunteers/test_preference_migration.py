"""The migration that moved the three `Volunteer.notify_*` booleans into preferences."""

import pytest

from tests import migrating

BEFORE = [("volunteers", "0002_checkin_code_and_calendar_token")]
AFTER = [("volunteers", "0003_move_notification_choices_to_preferences")]


@pytest.fixture
def historical(live_db):
    """The schema before the move; the latest schema again afterwards, for the next test."""
    yield from migrating.historical(BEFORE)


def make_volunteer(apps, email, *, status="active", **booleans):
    User = apps.get_model("accounts", "User")
    Volunteer = apps.get_model("volunteers", "Volunteer")
    District = apps.get_model("reference", "District")
    user = User.objects.create(email=email)
    Volunteer.objects.create(
        user=user,
        first_name="Ayşe",
        last_name="Yılmaz",
        phone=f"+90532{user.pk:07d}",
        birth_date="1990-05-17",
        district=District.objects.first(),
        joined_at="2026-01-01T10:00:00Z",
        status=status,
        checkin_code=f"CODE{user.pk}",
        calendar_token=f"token-{user.pk}",
        **booleans,
    )
    return user


def preferences(apps, user):
    Preference = apps.get_model("notifications", "Preference")
    return sorted(
        Preference.objects.filter(user_id=user.pk).values_list("kind", "channel", "enabled")
    )


def test_each_choice_turned_off_becomes_a_preference_of_its_kind(historical):
    everything = make_volunteer(historical, "hepsi@example.org")
    no_reminders = make_volunteer(historical, "hatirlatma@example.org", notify_reminders=False)
    quiet = make_volunteer(
        historical,
        "sessiz@example.org",
        notify_announcements=False,
        notify_activities=False,
        notify_reminders=False,
    )

    apps = migrating.migrate(AFTER)

    assert preferences(apps, everything) == []  # only what differs from the default
    assert preferences(apps, no_reminders) == [("signups.reminder", "email", False)]
    assert preferences(apps, quiet) == [
        ("announcements.announcement", "email", False),
        ("matching.invitation", "email", False),
        ("signups.reminder", "email", False),
    ]


def test_someone_who_had_left_gets_every_optional_kind_off(historical):
    left = make_volunteer(
        historical,
        "ayrildi@example.org",
        status="withdrawn",
        notify_announcements=False,
        notify_activities=False,
        notify_reminders=False,
    )

    apps = migrating.migrate(AFTER)

    assert preferences(apps, left) == [("*", "email", False)]


def test_going_back_restores_the_booleans(historical):
    user = make_volunteer(historical, "geri@example.org", notify_activities=False)
    migrating.migrate(AFTER)

    apps = migrating.migrate(BEFORE)

    volunteer = apps.get_model("volunteers", "Volunteer").objects.get(user_id=user.pk)
    assert (
        volunteer.notify_announcements,
        volunteer.notify_activities,
        volunteer.notify_reminders,
    ) == (True, False, True)
