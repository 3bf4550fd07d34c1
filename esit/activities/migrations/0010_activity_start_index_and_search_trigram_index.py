"""An index on an activity's start time alone (the public list and the feeds order by it
across several statuses), and a trigram index for staff search of activities (LIKE '%…%'
over search_text), the latter on PostgreSQL only."""

from django.db import migrations, models

from esit.core.postgres import trigram_index


class Migration(migrations.Migration):
    dependencies = [("activities", "0009_capabilities")]

    operations = [
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["starts_at"], name="activity_start"),
        ),
        *trigram_index("activities_activity", "activity_search_trgm"),
    ]
