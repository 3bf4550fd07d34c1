"""The Turkish full-text index that search compares with (esit/core/search.py), on PostgreSQL only."""

from django.db import migrations

from esit.core.postgres import full_text_index


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0009_encrypt_existing_volunteers")]

    operations = full_text_index("volunteers_volunteer", "volunteer_search_fts")
