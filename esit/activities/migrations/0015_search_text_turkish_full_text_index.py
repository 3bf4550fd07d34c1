"""The Turkish full-text index that search compares with (esit/core/search.py), on PostgreSQL only."""

from django.db import migrations

from esit.core.postgres import full_text_index


class Migration(migrations.Migration):
    dependencies = [("activities", "0014_encrypt_existing_participants")]

    operations = full_text_index("activities_activity", "activity_search_fts")
