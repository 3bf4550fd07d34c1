"""Encrypt volunteers' phones and exact birth dates at rest; a keyed hash finds a phone and
the clear birth year bands ages in reports (esit/core/encryption.py). Existing rows are
converted in place."""
import esit.core.encryption
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('volunteers', '0007_search_text_trigram_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='volunteer',
            name='birth_year',
            field=esit.core.encryption.BirthYearField(db_index=True, source='birth_date'),
        ),
        migrations.AddField(
            model_name='volunteer',
            name='phone_hash',
            field=esit.core.encryption.LookupHashField(db_index=True, source='phone'),
        ),
        migrations.AlterField(
            model_name='volunteer',
            name='birth_date',
            field=esit.core.encryption.EncryptedDateField(verbose_name='doğum tarihi'),
        ),
        migrations.AlterField(
            model_name='volunteer',
            name='phone',
            field=esit.core.encryption.EncryptedCharField(max_length=16, verbose_name='cep telefonu'),
        ),
    ]
