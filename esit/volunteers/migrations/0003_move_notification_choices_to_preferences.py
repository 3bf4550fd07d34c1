"""Each volunteer's three notification booleans become notifications.Preference rows.

Only what differs from the default ("on") is written. The keys are those of the kinds that
send (or, for the next capabilities, will send) those messages: reminders are the shift
reminder (`signups.reminder`), announcements `announcements.announcement`, activities and
invitations `matching.invitation` (docs/architecture.md, "Signals and registries").
Someone who had left the programme gets one "every optional kind off" row instead, as
leaving gives today (`set_all_optional`), so rejoining turns everything on again.
"""

from django.db import migrations

CHANNEL = "email"
ALL_OPTIONAL = "*"
KIND_OF = {
    "notify_reminders": "signups.reminder",
    "notify_announcements": "announcements.announcement",
    "notify_activities": "matching.invitation",
}


def forwards(apps, schema_editor):
    Volunteer = apps.get_model("volunteers", "Volunteer")
    Preference = apps.get_model("notifications", "Preference")
    rows = []
    for volunteer in Volunteer.objects.only("user_id", "status", *KIND_OF).iterator():
        if volunteer.status == "withdrawn":
            rows.append(
                Preference(
                    user_id=volunteer.user_id, kind=ALL_OPTIONAL, channel=CHANNEL, enabled=False
                )
            )
            continue
        rows.extend(
            Preference(user_id=volunteer.user_id, kind=kind, channel=CHANNEL, enabled=False)
            for field, kind in KIND_OF.items()
            if not getattr(volunteer, field)
        )
    Preference.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)


def backwards(apps, schema_editor):
    """The booleans again from the rows (every one off where every optional kind was off)."""
    Volunteer = apps.get_model("volunteers", "Volunteer")
    Preference = apps.get_model("notifications", "Preference")
    off = Preference.objects.filter(channel=CHANNEL, enabled=False)
    all_off = set(off.filter(kind=ALL_OPTIONAL).values_list("user_id", flat=True))
    for field, kind in KIND_OF.items():
        users = all_off | set(off.filter(kind=kind).values_list("user_id", flat=True))
        Volunteer.objects.filter(user_id__in=users).update(**{field: False})


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0002_checkin_code_and_calendar_token"),
        ("notifications", "0001_deliveries_and_preferences"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
