"""Encrypt the phone of a KVKK request's requester at rest, found by a keyed hash
(esit/core/encryption.py)."""
import esit.core.encryption
from django.db import migrations

from esit.core.encryption import decrypt_to_clear_columns, encrypt_clear_columns


def encrypt_rows(apps, schema_editor):
    encrypt_clear_columns(
        schema_editor,
        "kvkk_datarequest",
        encrypted=['requester_phone'],
        hashes={'requester_phone_hash': 'requester_phone'},
        years={},
    )


def decrypt_rows(apps, schema_editor):
    decrypt_to_clear_columns(schema_editor, "kvkk_datarequest", encrypted=['requester_phone'])


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
        migrations.RunPython(encrypt_rows, decrypt_rows),
    ]
