"""A trigram index for the directory's search (LIKE '%…%' over search_text), on PostgreSQL only."""

from django.db import migrations

from esit.core.postgres import trigram_index


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0006_pause_end_and_name_order")]

    operations = trigram_index("volunteers_volunteer", "volunteer_search_trgm")
