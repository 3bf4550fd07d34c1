"""Give every volunteer a check-in code and a private calendar token, each unique."""

from django.db import migrations, models

import esit.volunteers.models


def fill(apps, schema_editor):
    Volunteer = apps.get_model("volunteers", "Volunteer")
    for volunteer in Volunteer.objects.filter(checkin_code__isnull=True).iterator():
        volunteer.checkin_code = esit.volunteers.models.new_checkin_code()
        volunteer.calendar_token = esit.volunteers.models.new_calendar_token()
        volunteer.save(update_fields=["checkin_code", "calendar_token"])


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="volunteer",
            name="checkin_code",
            field=models.CharField(max_length=16, null=True),
        ),
        migrations.AddField(
            model_name="volunteer",
            name="calendar_token",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="volunteer",
            name="checkin_code",
            field=models.CharField(
                default=esit.volunteers.models.new_checkin_code, max_length=16, unique=True
            ),
        ),
        migrations.AlterField(
            model_name="volunteer",
            name="calendar_token",
            field=models.CharField(
                default=esit.volunteers.models.new_calendar_token, max_length=64, unique=True
            ),
        ),
    ]
