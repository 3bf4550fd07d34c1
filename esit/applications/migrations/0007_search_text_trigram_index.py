"""A trigram index for the queue's search (LIKE '%…%' over search_text), on PostgreSQL only."""

from django.db import migrations

from esit.core.postgres import trigram_index


class Migration(migrations.Migration):
    dependencies = [("applications", "0006_capabilities")]

    operations = trigram_index("applications_application", "application_search_trgm")
