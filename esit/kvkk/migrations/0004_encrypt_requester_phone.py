"""Encrypt the phone of a KVKK request's requester at rest, found by a keyed hash
(esit/core/encryption.py)."""
import esit.core.encryption
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('kvkk', '0003_retention_and_incidents'),
    ]

    operations = [
        migrations.AddField(
            model_name='datarequest',
            name='requester_phone_hash',
            field=esit.core.encryption.LookupHashField(db_index=True, source='requester_phone'),
        ),
        migrations.AlterField(
            model_name='datarequest',
            name='requester_phone',
            field=esit.core.encryption.EncryptedCharField(blank=True, max_length=20, verbose_name='başvuranın telefonu'),
        ),
    ]
