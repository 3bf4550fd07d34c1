"""The Turkish full-text index that search compares with (esit/core/search.py), on PostgreSQL only."""

from django.db import migrations

from esit.core.postgres import full_text_index


class Migration(migrations.Migration):
    dependencies = [("applications", "0010_one_open_application_per_phone_hash")]

    operations = full_text_index("applications_application", "application_search_fts")
