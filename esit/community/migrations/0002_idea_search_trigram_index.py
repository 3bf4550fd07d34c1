"""A trigram index for the ideas' search (LIKE '%…%' over search_text), on PostgreSQL only."""

from django.db import migrations

from esit.core.postgres import trigram_index


class Migration(migrations.Migration):
    dependencies = [("community", "0001_ideas_supports_comments")]

    operations = trigram_index("community_idea", "idea_search_trgm")
