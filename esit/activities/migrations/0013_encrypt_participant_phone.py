"""Encrypt participants' phones at rest, found by a keyed hash (esit/core/encryption.py)."""
import esit.core.encryption
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('activities', '0012_matching_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='participant',
            name='phone_hash',
            field=esit.core.encryption.LookupHashField(db_index=True, source='phone'),
        ),
        migrations.AlterField(
            model_name='participant',
            name='phone',
            field=esit.core.encryption.EncryptedCharField(blank=True, max_length=16, verbose_name='telefon'),
        ),
    ]
